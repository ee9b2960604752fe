#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The signal that arrived while delivery was deferred (0 when none). Written only by the handler.
private nonisolated(unsafe) var deferredSignal: sig_atomic_t = 0

/// Holds back SIGINT, SIGTERM and SIGHUP while outputs are moved into place, so that an
/// interrupted run leaves either all the new files or none of them, never a partial one.
///
/// The handlers are process-wide (whichever thread receives the signal), and only record it; when
/// the deferral ends the previous handlers come back and a recorded signal is raised again, so
/// the process still stops as the user asked, after the files are whole.
public struct SignalDeferral {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  private var previous: [Int32: sigaction] = [:]

  public init() {
    deferredSignal = 0
    for signalNumber in Self.signals {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { deferredSignal = sig_atomic_t($0) }
      #else
        action.__sigaction_u.__sa_handler = { deferredSignal = sig_atomic_t($0) }
      #endif
      sigemptyset(&action.sa_mask)
      var old = sigaction()
      sigaction(signalNumber, &action, &old)
      previous[signalNumber] = old
    }
  }

  /// Restores the previous handlers and raises the signal that arrived meanwhile, if any.
  public func end() {
    for (signalNumber, old) in previous {
      var action = old
      sigaction(signalNumber, &action, nil)
    }
    let pending = Int32(deferredSignal)
    deferredSignal = 0
    if pending != 0 { raise(pending) }
  }
}
