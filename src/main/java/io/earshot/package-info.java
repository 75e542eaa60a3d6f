/** Earshot: keeps the people who make decisions within earshot of their customers. */
package io.earshot;
