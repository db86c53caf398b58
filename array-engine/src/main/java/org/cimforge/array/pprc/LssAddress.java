package org.cimforge.array.pprc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ESS logical subsystem address {@code ESSID:LSSID:SSID}, for example {@code 2105.FA120:15:FF21}: ESSID is a
 * 4-digit machine type, a dot and a 5-character serial; LSSID and SSID are 1 or 2 byte hexadecimal numbers; SSID
 * may be empty when undefined. Parsing normalises case and pads odd-length hex to whole bytes.
 */
public record LssAddress(String essId, String lssId, String ssid) {

  private static final Pattern ESS = Pattern.compile("[0-9]{4}\\.[0-9A-Z]{5}");
  private static final Pattern HEX = Pattern.compile("[0-9A-F]{1,4}");

  /** Parses {@code text}, or explains in {@code IllegalArgumentException} what is wrong with it. */
  public static LssAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an LSS of the form ESSID:LSSID:SSID is required");
    }
    String[] parts = text.trim().toUpperCase(Locale.ROOT).split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("'" + text + "' is not of the form ESSID:LSSID:SSID");
    }
    if (!ESS.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException("ESSID '" + parts[0] + "' is not of the form 2105.FA120");
    }
    if (!HEX.matcher(parts[1]).matches()) {
      throw new IllegalArgumentException("LSSID '" + parts[1] + "' is not a 1 or 2 byte hexadecimal number");
    }
    if (!parts[2].isEmpty() && !HEX.matcher(parts[2]).matches()) {
      throw new IllegalArgumentException("SSID '" + parts[2] + "' is not a 1 or 2 byte hexadecimal number");
    }
    return new LssAddress(parts[0], pad(parts[1]), parts[2].isEmpty() ? "" : pad(parts[2]));
  }

  private static String pad(String hex) {
    return hex.length() % 2 == 1 ? "0" + hex : hex;
  }

  @Override
  public String toString() {
    return essId + ":" + lssId + ":" + ssid;
  }
}
