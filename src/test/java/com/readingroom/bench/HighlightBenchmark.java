package com.readingroom.bench;

import com.readingroom.ReadingRoomApplication;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The part of opening a file that the server does not do: highlighting and numbering its lines in the reviewer's
 * browser. Opens the same 2,006-line kernel file as {@link SourceBenchmark} in headless Chromium over HTTP, many
 * times, and prints how long highlight.js plus our line splitting took ({@code data-render-ms}, measured in the page)
 * and how long the whole page took from the request to the highlighted text (server, network, rendering).
 *
 * <p>Arguments: {@code corpus-dir} {@code runs}. Run with src/test/bench/highlight-benchmark.sh.
 */
public final class HighlightBenchmark {

    private HighlightBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/var/tmp/readingroom-bench");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dataDir = Files.createTempDirectory("readingroom-highlight-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReadingRoomApplication.class)
                .run(
                        "--server.port=0",
                        "--readingroom.data-dir=" + dataDir,
                        "--readingroom.demo.enabled=false",
                        "--logging.level.root=warn")) {
            SourceBenchmark.install(app, corpus, 1);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String url = "http://localhost:" + port
                    + "/file/linux?rev=refs%2Ftags%2Frelease%2F6.1&path=kernel%2Firq%2Firqdomain.c";
            ChromeDriver browser = browser();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                browser.get(url);
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")))
                        .sendKeys("bench0");
                browser.findElement(By.cssSelector("#vaadinLoginPassword input"))
                        .sendKeys("benchmark", Keys.ENTER);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#source-code.rr-rendered")));
                double[] render = new double[runs];
                double[] page = new double[runs];
                int lines = 0;
                for (int i = 0; i < runs; i++) {
                    long started = System.nanoTime();
                    browser.get(url);
                    WebElement code = wait.until(
                            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#source-code.rr-rendered")));
                    page[i] = (System.nanoTime() - started) / 1_000_000.0;
                    render[i] = Double.parseDouble(code.getDomAttribute("data-render-ms"));
                    lines = code.findElements(By.cssSelector(".rr-line")).size();
                }
                Arrays.sort(render);
                Arrays.sort(page);
                System.out.printf(
                        Locale.ROOT,
                        "highlighting in Chromium, %d lines: p50 %.1f ms, max %.1f ms; whole page from request to"
                                + " highlighted text: p50 %.0f ms, max %.0f ms (%d runs)%n",
                        lines,
                        render[runs / 2],
                        render[runs - 1],
                        page[runs / 2],
                        page[runs - 1],
                        runs);
            } finally {
                browser.quit();
            }
        }
    }

    private static ChromeDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("readingroom-highlight-chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
