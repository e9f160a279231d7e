package io.sanliu.api;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by its own chromedriver (both named explicitly: Selenium
 * Manager has nothing to look up or download; bin/install-browser installs them), with the page
 * sized exactly, the browser console kept, and screenshots under target/screenshots/. What every
 * browser test of the dashboards shares.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;

  /** A browser whose page (not window) is {@code width} x {@code height}. */
  HeadlessChromium(int width, int height) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=" + width + "," + height,
        "--force-device-scale-factor=1");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    // --window-size counts the browser's frame: grow the window until the page itself has the size.
    Number frame = (Number) script("return window.outerHeight - window.innerHeight;");
    driver.manage().window().setSize(new Dimension(width, height + frame.intValue()));
    Files.createDirectories(SCREENSHOTS);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String text(String css) {
    return find(css).getText();
  }

  void screenshot(String name) throws Exception {
    Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Errors in the browser console since the last call (reading the log empties it). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
