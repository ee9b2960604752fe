import Foundation
import UserMessages

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one input file, saying in plain words why it cannot be: a folder, a pipe or a device in
/// its place (never read: a pipe would wait for ever), no permission, or another system error.
enum InputFileReader {
  /// Why a file that is there cannot be read, with how to fix it.
  struct UnreadableFileError: Error {
    var text: IssueText
  }

  /// The file's bytes; `nil` when there is no file by that name (a missing file is the caller's
  /// to report).
  static func read(_ url: URL) -> Result<Data, UnreadableFileError>? {
    var info = stat()
    guard stat(url.path, &info) == 0 else {
      if errno == ENOENT { return lstat(url.path, &info) == 0 ? .failure(brokenLink) : nil }
      return .failure(systemError(errno))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR:
      return .failure(UnreadableFileError(text: .isFolder))
    default:
      return .failure(UnreadableFileError(text: .notOrdinaryFile))
    }
    do {
      return .success(try Data(contentsOf: url))
    } catch {
      return .failure(systemError(access(url.path, R_OK) == 0 ? EIO : EACCES))
    }
  }

  static let brokenLink = UnreadableFileError(text: .brokenLink)

  static func systemError(_ code: Int32) -> UnreadableFileError {
    switch code {
    case EACCES, EPERM:
      UnreadableFileError(text: .mayNotRead)
    default:
      UnreadableFileError(text: .cannotRead(reason: String(cString: strerror(code))))
    }
  }
}
