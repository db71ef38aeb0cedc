import SIKIMCore
import SIKIMData
import Vapor

/// Refuses every write while the storage cannot keep it (`Penyimpanan.masalah`): a 503 with a
/// clear message, before anything is read or written, rather than an acknowledgement that a
/// restart would take back.
struct PenjagaPenyimpanan: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if ![.GET, .HEAD, .OPTIONS].contains(req.method), let m = req.application.penyimpanan.masalah() {
            req.logger.critical("Penulisan ditolak: penyimpanan \(m.rawValue)", metadata: ["direktori": .string(req.application.sikim.direktoriData)])
            throw KesalahanHTTP(.serviceUnavailable, "penyimpanan_tidak_dapat_ditulis", Penyimpanan.pesanHanyaBaca)
        }
        return try await next.respond(to: req)
    }
}

