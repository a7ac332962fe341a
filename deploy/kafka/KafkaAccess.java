import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Makes the broker's service users and ACLs what acls.txt declares: a SCRAM-SHA-512 credential per
 * user (password from the environment variable KAFKA_<NAME>_PASSWORD, e.g. KAFKA_POLICE_PASSWORD
 * for police-service), the declared ACLs added, and any other ACL of those users removed.
 *
 * Run with Java's source launcher: java -cp "$(cat deploy/target/kafka.classpath)"
 * deploy/kafka/KafkaAccess.java localhost:9092 var/kafka/admin.properties deploy/kafka/acls.txt
 */
public class KafkaAccess {

    private static final int SCRAM_ITERATIONS = 8192;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: KafkaAccess <bootstrap-servers> <admin.properties> <acls.txt>");
            System.exit(2);
        }
        Properties config = new Properties();
        try (var reader = new FileReader(args[1])) {
            config.load(reader);
        }
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);

        Set<String> users = new LinkedHashSet<>();
        Set<AclBinding> declared = new HashSet<>();
        Set<String> describers = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length < 3) {
                throw new IllegalArgumentException("acls.txt: expected 'user read|write|describe topic...', got: " + trimmed);
            }
            String user = fields[0];
            users.add(user);
            switch (fields[1]) {
                case "read" -> {
                    declared.add(allow(user, ResourceType.GROUP, user, AclOperation.READ));
                    for (int i = 2; i < fields.length; i++) {
                        declared.add(allow(user, ResourceType.TOPIC, fields[i], AclOperation.READ));
                        declared.add(allow(user, ResourceType.TOPIC, fields[i], AclOperation.DESCRIBE));
                    }
                }
                case "write" -> {
                    for (int i = 2; i < fields.length; i++) {
                        declared.add(allow(user, ResourceType.TOPIC, fields[i], AclOperation.WRITE));
                        declared.add(allow(user, ResourceType.TOPIC, fields[i], AclOperation.DESCRIBE));
                    }
                }
                case "describe" -> {
                    describers.add(user);
                    for (int i = 2; i < fields.length; i++) {
                        declared.add(allow(user, ResourceType.TOPIC, fields[i], AclOperation.DESCRIBE));
                    }
                }
                default -> throw new IllegalArgumentException("acls.txt: access must be read, write or describe: " + trimmed);
            }
        }
        // a describer sees every consumer group's committed offsets: the groups are the users that read
        Set<String> groups = new LinkedHashSet<>();
        for (AclBinding binding : declared) {
            if (binding.pattern().resourceType() == ResourceType.GROUP) {
                groups.add(binding.pattern().name());
            }
        }
        for (String describer : describers) {
            for (String group : groups) {
                declared.add(allow(describer, ResourceType.GROUP, group, AclOperation.DESCRIBE));
            }
        }

        try (Admin admin = Admin.create(config)) {
            List<UserScramCredentialAlteration> credentials = new ArrayList<>();
            for (String user : users) {
                credentials.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password(user)));
            }
            admin.alterUserScramCredentials(credentials).all().get();

            List<AclBindingFilter> stale = new ArrayList<>();
            Set<AclBinding> present = new HashSet<>();
            for (AclBinding binding : admin.describeAcls(AclBindingFilter.ANY).values().get()) {
                String principal = binding.entry().principal();
                if (!principal.startsWith("User:") || !users.contains(principal.substring(5))) {
                    continue;
                }
                if (declared.contains(binding)) {
                    present.add(binding);
                } else {
                    stale.add(binding.toFilter());
                }
            }
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get();
            }
            List<AclBinding> missing = declared.stream().filter(b -> !present.contains(b)).toList();
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get();
            }
            System.out.printf("kafka access: %d users, %d ACLs declared (%d added, %d removed) from %s%n",
                    users.size(), declared.size(), missing.size(), stale.size(), args[2]);
        }
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    private static String password(String user) {
        String variable = "KAFKA_" + user.replaceFirst("-service$", "").replace('-', '_').toUpperCase(Locale.ROOT) + "_PASSWORD";
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set (deploy/local/lib.sh generates it into var/secrets.env)");
        }
        return value;
    }
}
