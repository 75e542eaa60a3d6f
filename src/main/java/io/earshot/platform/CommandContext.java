package io.earshot.platform;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Earshot without its web server, for a sub-command of the command line that works on the store. The root
 * command implements it; a sub-command receives it as its {@code @ParentCommand}, which keeps feature modules from
 * depending on the root package (Spring Modulith would see a cycle, since the root command lists the sub-commands).
 */
public interface CommandContext {

    /**
     * Starts a context on the store of {@code --data-dir}, with the demo loader switched off. The caller closes it.
     *
     * @param extraProperties Spring properties as {@code --name=value}
     */
    ConfigurableApplicationContext startContext(String... extraProperties);
}
