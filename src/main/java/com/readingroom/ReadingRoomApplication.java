package com.readingroom;

import com.readingroom.audit.BundleVerifier;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Reading Room: a source-code transparency portal. Each direct sub-package is an application module (see
 * {@code docs/modules} and {@code ModularityTests}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReadingRoomApplication {

    /**
     * Starts the portal; {@code verify <bundle>} and {@code verify-consistency <log.pub> <old> <new> <proof>} instead
     * run the offline verifiers, with no server and no database.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(BundleVerifier.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("verify-consistency")) {
            System.exit(BundleVerifier.runConsistency(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(ReadingRoomApplication.class, args);
    }
}
