import SIKIMCore
import SIKIMData
import Vapor

/// Counts the changes made through this process: every request with a method that may write
/// and a successful answer. Cached figures computed before a change are not reused.
struct PencatatPerubahan: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        if ![.GET, .HEAD, .OPTIONS].contains(req.method), res.status.code < 400 {
            req.application.versiData.withLockedValue { $0 += 1 }
        }
        return res
    }
}
