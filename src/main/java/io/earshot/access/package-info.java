/** Who may see and do what: users, roles, business units, sign-in, API tokens, audit, and PII redaction. */
package io.earshot.access;
