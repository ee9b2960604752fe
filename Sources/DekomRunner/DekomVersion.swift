/// dekom's version, printed in every report.
public enum DekomVersion {
  public static let current = "0.1.0"
}
