import Foundation
import Testing

@testable import AtomicOutput

#if canImport(Glibc)
  import Glibc
#endif

/// What a user reads when an output cannot be written: plain words, not the system's error type.
@Suite("Output errors in words")
struct OutputErrorTests {
  @Test("a full disk says the disk is full; no permission says so; others name the system's reason")
  func words() {
    #expect(OutputError.system("cannot write out/innstilling.md", ENOSPC).description.contains("the disk is full"))
    #expect(OutputError.system("cannot write out/innstilling.md", EDQUOT).description.contains("the disk is full"))
    #expect(OutputError.system("cannot create out", EACCES).description.contains("no permission to write there"))
    #expect(OutputError.system("cannot create out", EROFS).description.contains("no permission to write there"))
    let other = OutputError.system("cannot write x", EIO).description
    #expect(other.hasPrefix("cannot write x: ") && !other.contains("Domain"))
  }

  @Test("writing where the disk is full: /dev/full refuses the bytes and the message says the disk is full")
  func fullDevice() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    // A file on /dev/full cannot be created by name; write through the same call the writer uses.
    let descriptor = open("/dev/full", O_WRONLY)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    let written = [UInt8](repeating: 1, count: 16).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    #expect(written < 0 && errno == ENOSPC)
    #expect(OutputError.system("cannot write out/innstilling.md", errno).description.contains("the disk is full"))
  }
}
