import SIKIMCore
import SIKIMData
import Vapor

/// Async middleware run one inside the other within the request's one task. Vapor joins each
/// `AsyncMiddleware` to the next through an `EventLoopFuture`: a task of its own per layer, and
/// hops between the event loop and the task pool on the way in and out (a laporan list: 18 → 13
/// context switches per request with ten layers as two chains).
struct RangkaianAsync: AsyncMiddleware {
    let lapisan: [any AsyncMiddleware]

    init(_ lapisan: [any AsyncMiddleware]) { self.lapisan = lapisan }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await respond(to: req, dari: lapisan[...], next: next)
    }

    private func respond(to req: Request, dari sisa: ArraySlice<any AsyncMiddleware>, next: any AsyncResponder) async throws -> Response {
        guard let lapis = sisa.first else { return try await next.respond(to: req) }
        return try await lapis.respond(to: req, chainingTo: AsyncBasicResponder { r in
            try await respond(to: r, dari: sisa.dropFirst(), next: next)
        })
    }
}
