import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of topics.txt that don't exist yet, in one JVM and one Admin request.
 * (TopicCommand does one topic per JVM start: about 2 s each, 30 s for the full list here.)
 *
 * Run with Java's source launcher: java -cp "$(cat deploy/target/kafka.classpath)"
 * deploy/kafka/CreateTopics.java localhost:9092 deploy/kafka/topics.txt [client.properties]
 * (the optional file holds the admin user's SASL settings for the secured local broker)
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CreateTopics <bootstrap-servers> <topics.txt> [client.properties]");
            System.exit(2);
        }
        List<NewTopic> declared = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            int partitions = fields.length > 1 ? Integer.parseInt(fields[1]) : 1;
            // One broker locally: replication factor 1 (Strimzi manifests declare their own).
            declared.add(new NewTopic(fields[0], partitions, (short) 1));
        }

        Properties config = new Properties();
        if (args.length == 3) {
            try (var reader = new FileReader(args[2])) {
                config.load(reader);
            }
        }
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = declared.stream().filter(t -> !existing.contains(t.name())).toList();
            int created = 0;
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get();
                    created++;
                } catch (ExecutionException e) {
                    // Someone else created it meanwhile: that's the state we want.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            System.out.printf("topics: %d created, %d declared in %s%n", created, declared.size(), args[1]);
        }
    }
}
