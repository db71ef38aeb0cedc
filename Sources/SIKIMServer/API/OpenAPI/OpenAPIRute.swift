import SIKIMCore
import SIKIMData
import Vapor

/// `/api/openapi.json` (the machine-readable description) and `/api/docs` (the same, as a page).
struct OpenAPIRute: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "openapi.json", use: openapi)
        routes.get("api", "docs", use: halaman)
    }

    @Sendable func openapi(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(string: try DokumenAPI.dokumen(daerah: req.lingkungan.konfigurasi.daerah).teksJSON()))
        res.headers.contentType = .json
        return res
    }

    struct Baris: Encodable {
        let id: String
        let metode: String
        let jalur: String
        let ringkasan: String
        let akses: String
        let parameter: [String]
        let badan: String?
        let status: String
    }

    struct Kelompok: Encodable {
        let nama: String
        let operasi: [Baris]
    }

    struct Konteks: Encodable {
        let tata: Tata
        let kelompok: [Kelompok]
    }

    @Sendable func halaman(req: Request) async throws -> Response {
        var urutan: [String] = []
        var per: [String: [Baris]] = [:]
        for op in DokumenAPI.operasi {
            if per[op.kelompok] == nil { urutan.append(op.kelompok) }
            per[op.kelompok, default: []].append(Self.baris(op))
        }
        return try await req.halaman("api-docs", Konteks(tata: req.tata("Dokumentasi API"),
                                                         kelompok: urutan.map { Kelompok(nama: $0, operasi: per[$0]!) }))
    }

    static func baris(_ op: OperasiAPI) -> Baris {
        let akses = switch op.akses {
        case .publik: "Publik (token memperluas yang terlihat)"
        case .masuk: "Token bearer"
        case .kredensial: "Nama pengguna dan kata sandi di badan permintaan"
        }
        return Baris(id: (op.metode.rawValue + op.jalur).lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce("") { $0 + String($1) },
                     metode: op.metode.rawValue, jalur: op.jalur, ringkasan: op.ringkasan, akses: akses,
                     parameter: op.parameterJalur.map { "\($0) (jalur)" } + op.query.map { "\($0.nama) — \($0.keterangan)" },
                     badan: op.badan.isEmpty ? nil : op.badan.map(\.0).joined(separator: " atau "),
                     status: ([op.status] + op.jawabanLain.map(\.status) + op.statusGalat).map(String.init).joined(separator: ", "))
    }
}
