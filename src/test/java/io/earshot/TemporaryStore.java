package io.earshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.FileSystemUtils;

/**
 * Gives a Spring test class a store of its own: {@code earshot.data-dir} is a new temporary directory, deleted once
 * the class's context is closed (after the test class, {@link DirtiesContext}), so the index's and the embedding's
 * background work has stopped before its files go. Put it beside {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DirtiesContext
@ContextCustomizerFactories(TemporaryStore.Factory.class)
public @interface TemporaryStore {

    /** Adds the customizer to the contexts of the classes that carry {@link TemporaryStore}. */
    final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return TestContextAnnotationUtils.hasAnnotation(testClass, TemporaryStore.class)
                    ? new Customizer(testClass)
                    : null;
        }
    }

    /**
     * Points the context at a new directory and deletes it when the context is closed. One per test class, so that no
     * two classes share a cached context, and so a store.
     */
    record Customizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            Path directory;
            try {
                directory = Files.createTempDirectory("earshot-" + testClass.getSimpleName() + "-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary store for " + testClass.getName(), e);
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(
                            new MapPropertySource("temporaryStore", Map.of("earshot.data-dir", directory.toString())));
            // registered before any bean, so destroyed after all of them: the store and the index are closed by then
            ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("temporaryStore", () -> FileSystemUtils.deleteRecursively(directory));
        }
    }
}
