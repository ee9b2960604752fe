import NIOCore
import NIOHTTPTypes

/// Time limits on a connection, so that a client that sends slowly cannot hold one open: a request
/// head must arrive whole within ``headerSeconds`` of the connection opening (or of the previous
/// answer), and its body within ``bodySeconds`` of its head; otherwise the connection is closed.
/// (A connection that sends nothing at all is closed by the server's idle timeout as well.)
final class RequestDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  /// Seconds for a request's head (the request line and headers).
  static let headerSeconds: Int64 = 5
  /// Seconds for a request's body after its head (the largest form is a few kilobytes).
  static let bodySeconds: Int64 = 10

  private var deadline: Scheduled<Void>?

  private func arm(_ context: ChannelHandlerContext, seconds: Int64) {
    deadline?.cancel()
    let channel = context.channel
    deadline = context.eventLoop.scheduleTask(in: .seconds(seconds)) { channel.close(promise: nil) }
  }

  func handlerAdded(context: ChannelHandlerContext) { arm(context, seconds: Self.headerSeconds) }

  func handlerRemoved(context: ChannelHandlerContext) { deadline?.cancel() }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head: arm(context, seconds: Self.bodySeconds)
    case .end:
      // The request is whole; the time to answer it is the solver's time limit's business.
      deadline?.cancel()
      deadline = nil
    case .body: break
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    // After an answer, the next request on the same connection gets the same time for its head.
    if case .end = unwrapOutboundIn(data) { arm(context, seconds: Self.headerSeconds) }
    context.write(data, promise: promise)
  }
}
