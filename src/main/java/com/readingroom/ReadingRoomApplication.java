package com.readingroom;

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

    public static void main(String[] args) {
        SpringApplication.run(ReadingRoomApplication.class, args);
    }
}
