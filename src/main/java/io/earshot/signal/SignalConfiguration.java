package io.earshot.signal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The signal module's settings; scheduling runs the daily {@link RetentionJob}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PocDefinition.class)
@EnableScheduling
class SignalConfiguration {}
