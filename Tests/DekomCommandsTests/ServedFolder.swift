import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dekom serve` on a folder, started as a user would (the built binary, `--port 0`), stopped
/// with SIGTERM when the test is done.
/// Sendable for tests that send from several threads: `send` reads only the `port`, a constant.
final class ServedFolder: @unchecked Sendable {
  let process = Process()
  let port: Int
  private let output = Pipe()

  /// Starts the server and waits (at most 60 s) for the address it prints.
  init(_ folder: URL, arguments: [String] = []) throws {
    process.executableURL = CommandLine.executable
    process.arguments = ["serve", folder.path, "--port", "0"] + arguments
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var printed = ""
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline, !printed.contains("\n") {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      printed += String(decoding: data, as: UTF8.self)
    }
    guard let range = printed.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression) else {
      process.terminate()
      throw Failure(description: "dekom serve printed no address: \(printed)")
    }
    port = Int(printed[range].dropFirst("127.0.0.1:".count).dropLast()) ?? 0
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  var isRunning: Bool { process.isRunning }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }

  deinit { stop() }

  /// An answer: status, headers (lowercased names) and body.
  struct Answer {
    var status: Int
    var headers: [String: String]
    var body: String
  }

  /// Sends `request` as raw bytes (so that addresses reach the server exactly as written) and
  /// reads the answer until the server closes the connection; status 0 when it closed without one.
  func send(raw request: Data, timeoutSeconds: Int = 120) throws -> Answer {
    let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketFD >= 0 else { throw Failure(description: "no socket") }
    defer { close(socketFD) }
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw Failure(description: "cannot connect to port \(port)") }
    _ = request.withUnsafeBytes { buffer in
      var sent = 0
      while sent < buffer.count {
        let count = Glibc.send(socketFD, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
        if count <= 0 { break }  // the server may close early (an oversized body): read what it said
        sent += count
      }
    }
    var received = Data()
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = recv(socketFD, &chunk, chunk.count, 0)
      if count <= 0 { break }
      received.append(contentsOf: chunk[0..<count])
    }
    let text = String(decoding: received, as: UTF8.self)
    guard let headEnd = text.range(of: "\r\n\r\n") else { return Answer(status: 0, headers: [:], body: text) }
    let headLines = text[..<headEnd.lowerBound].components(separatedBy: "\r\n")
    let status = headLines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    var headers: [String: String] = [:]
    for line in headLines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return Answer(status: status, headers: headers, body: String(text[headEnd.upperBound...]))
  }

  /// GET `path` as a browser on this computer asks for it; `host` replaces the `Host` header.
  func get(_ path: String, host: String? = nil) throws -> Answer {
    try send(raw: Data("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n".utf8))
  }

  /// POSTs a form as the server's own page does: with the server's form token (unless `token` is
  /// false) and any `extraHeaders` (e.g. another site's `Origin`).
  func post(_ path: String, form: String, token: Bool = true, extraHeaders: [String] = []) throws -> Answer {
    let body = Data((form + (token ? "&token=\(try formToken(for: path))" : "")).utf8)
    let head =
      "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
      + extraHeaders.map { $0 + "\r\n" }.joined()
      + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.count)\r\n\r\n"
    return try send(raw: Data(head.utf8) + body)
  }

  private var token: String?

  /// The form token in the save form of a what-if page of the scenario `path` names (`/s/NAME/…`).
  func formToken(for path: String) throws -> String {
    if let token { return token }
    let scenario = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
    let page = try get("/s/\(scenario)/whatif?frames.rekom.factor=0.95")
    guard let range = page.body.range(of: #"name="token" value="[^"]+""#, options: .regularExpression) else {
      throw Failure(description: "no form token on the what-if page (status \(page.status))")
    }
    let found = String(page.body[range].dropFirst(#"name="token" value=""#.count).dropLast())
    token = found
    return found
  }
}
