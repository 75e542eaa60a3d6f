/** Shared infrastructure only: the store, the clock, the data directory and the web layout. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.earshot.platform;
