package io.earshot.signal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads and writes column mapping files: Java properties, one {@code field=Header Name} per line, for example
 *
 * <pre>
 * nps=How likely are you to recommend us to a friend?
 * text=What is the main reason for your score?
 * occurred_at=Submitted
 * automatic=false
 * </pre>
 *
 * Fields are those of {@link ImportField}; headers match ignoring case, spaces and punctuation. Headers the file does
 * not name are recognised automatically unless {@code automatic=false}; unmapped headers are kept as attributes.
 */
final class MappingFile {

    static final String AUTOMATIC = "automatic";

    private MappingFile() {}

    static MappingRules read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new ImportException("The mapping file " + file + " does not exist.");
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException("Cannot read the mapping file " + file + ": " + e.getMessage());
        }
        Map<ImportField, String> explicit = new EnumMap<>(ImportField.class);
        boolean automatic = true;
        for (String key : properties.stringPropertyNames()) {
            String header = properties.getProperty(key).strip();
            if (key.strip().equalsIgnoreCase(AUTOMATIC)) {
                automatic = !header.equalsIgnoreCase("false");
                continue;
            }
            ImportField field = ImportField.byKey(key)
                    .orElseThrow(
                            () -> new ImportException("The mapping file " + file + " names an unknown field '" + key
                                    + "'; write field=Header Name with one of the fields " + ImportField.describe()
                                    + " (or automatic=false)."));
            if (header.isEmpty()) {
                throw new ImportException("The mapping file " + file + " maps " + field.key()
                        + " to an empty header; write " + field.key() + "=Header Name.");
            }
            explicit.put(field, header);
        }
        return new MappingRules(explicit, automatic);
    }

    static void write(MappingRules rules, Path file) throws IOException {
        Properties properties = new Properties();
        rules.explicit().forEach((field, header) -> properties.setProperty(field.key(), header));
        properties.setProperty(AUTOMATIC, Boolean.toString(rules.automatic()));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "Earshot column mapping: field=Header Name");
        }
    }
}
