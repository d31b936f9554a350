package com.readingroom.demo;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo installation on the embedded default database. */
@SpringBootTest
@ActiveProfiles("test")
class H2DemoInstallationTests extends DemoInstallationContract {}
