import Vapor

/// `/healthz`: liveness and the database's state.
struct SehatAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: sehat)
    }

    struct Sehat: Content {
        let status: String
        let basisData: BasisData
        struct BasisData: Content {
            let jenis: String
            let status: String
        }
    }

    /// 503 when the database does not answer or its storage can no longer keep writes (file
    /// gone, replaced or read-only: `Penyimpanan`).
    @Sendable func sehat(req: Request) async throws -> Response {
        let jenis = req.application.sikim.jenisBasisData
        let keadaan = await LayananSistem(l: req.lingkungan, penyimpanan: req.application.penyimpanan).periksa()
        let status: String
        switch keadaan {
        case .sehat: return try await Sehat(status: "ok", basisData: .init(jenis: jenis, status: "ok")).encodeResponse(for: req)
        case .penyimpanan(let m): status = m.rawValue
        case .basisDataTidakTerhubung: status = "tidak terhubung"
        }
        return try await Sehat(status: "gangguan", basisData: .init(jenis: jenis, status: status)).encodeResponse(status: .serviceUnavailable, for: req)
    }
}
