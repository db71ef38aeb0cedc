import FluentKit
import SIKIMCore
import Vapor

/// The errors only the HTTP edge knows of: a form's stale CSRF token, a body that is not
/// text, storage that cannot take writes, a server that is stopping.
struct KesalahanHTTP: Error, Equatable {
    let status: HTTPResponseStatus
    let kode: String
    let pesan: String

    init(_ status: HTTPResponseStatus, _ kode: String, _ pesan: String) {
        self.status = status
        self.kode = kode
        self.pesan = pesan
    }

    static let berhenti = KesalahanHTTP(.serviceUnavailable, "server_berhenti", "Server sedang dihentikan. Silakan coba lagi sebentar lagi.")
    static let csrf = KesalahanHTTP(.forbidden, "csrf_tidak_valid",
                                    "Formulir ini sudah tidak berlaku. Muat ulang halaman lalu kirim kembali.")
}

/// Any error as the user sees it: status, code, Indonesian message, and per-field details.
/// The one place where a domain error becomes an HTTP status (ARSITEKTUR).
struct KesalahanTampil {
    let status: HTTPResponseStatus
    let kode: String
    let pesan: String
    let rincian: [KesalahanIsian.Butir]

    init(_ error: any Error) {
        rincian = (error as? KesalahanIsian)?.butir ?? []
        switch error {
        case let e as KesalahanHTTP:
            (status, kode, pesan) = (e.status, e.kode, e.pesan)
        case let e as any KesalahanBerpesan:
            (status, kode, pesan) = (Self.status(e), e.kode, e.pesan)
        case let e as DecodingError:
            (status, kode, pesan) = (.badRequest, "permintaan_tidak_valid", Self.pesan(e))
        case let e as any AbortError:
            status = e.status
            switch e.status.code {
            case 404: (kode, pesan) = ("tidak_ditemukan", "Halaman atau data yang Anda cari tidak ditemukan.")
            case 405: (kode, pesan) = ("metode_tidak_diizinkan", "Metode permintaan ini tidak diizinkan.")
            case 413: (kode, pesan) = ("terlalu_besar", "Data yang dikirim terlalu besar.")
            case 415: (kode, pesan) = ("format_tidak_didukung", "Format data yang dikirim tidak didukung.")
            case 400..<500: (kode, pesan) = ("permintaan_tidak_valid", "Permintaan tidak valid.")
            default: (kode, pesan) = ("kesalahan_server", "Terjadi kesalahan pada server. Silakan coba lagi.")
            }
        case let e where Self.badanTakTerbaca(e):
            (status, kode, pesan) = (.badRequest, "permintaan_tidak_valid", "Data yang dikirim tidak dapat dibaca.")
        case let e where Penyimpanan.hanyaBaca(e):
            (status, kode, pesan) = (.serviceUnavailable, "penyimpanan_tidak_dapat_ditulis", Penyimpanan.pesanHanyaBaca)
        case let e as any DatabaseError where e.isConstraintFailure:
            // A uniqueness rule held against a request that raced another: the other one won.
            (status, kode, pesan) = (.conflict, "transisi_ditolak", DiubahBersamaan().pesan)
        default:
            (status, kode, pesan) = (.internalServerError, "kesalahan_server", "Terjadi kesalahan pada server. Silakan coba lagi.")
        }
    }

    /// The status of each domain error; an unlisted one is a refused input (422).
    private static func status(_ e: any KesalahanBerpesan) -> HTTPResponseStatus {
        switch e {
        case is BelumMasuk, is TokenTidakValid, is LoginGagal: .unauthorized
        case is TindakanDilarang: .forbidden
        case is TidakDitemukan: .notFound
        case is ParameterTidakValid: .badRequest
        case is Terkunci: .tooManyRequests
        case is AksiLaporanDitolak, is TransisiDitolak, is DiubahBersamaan, is KimSudahAda: .conflict
        case is SedangSibuk, is PenyimpananGagal: .serviceUnavailable
        default: .unprocessableEntity
        }
    }

    /// Parse errors of a malformed form or multipart body: the libraries keep their types
    /// private, so they are known by the module that throws them.
    private static func badanTakTerbaca(_ e: any Error) -> Bool {
        let nama = String(reflecting: type(of: e))
        return nama.hasPrefix("MultipartKit.") || nama.hasPrefix("Vapor.URLEncodedForm")
    }

    private static func jalur(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func pesan(_ e: DecodingError) -> String {
        switch e {
        case .keyNotFound(let key, let ctx):
            return "Bidang \(jalur(ctx.codingPath + [key])) wajib diisi."
        case .valueNotFound(_, let ctx):
            return "Bidang \(jalur(ctx.codingPath)) wajib diisi."
        case .typeMismatch(_, let ctx):
            return "Bidang \(jalur(ctx.codingPath)) tidak sesuai format."
        case .dataCorrupted(let ctx) where !ctx.codingPath.isEmpty:
            return "Bidang \(jalur(ctx.codingPath)) tidak sesuai format."
        default:
            return "Data yang dikirim tidak dapat dibaca."
        }
    }
}

/// The API's one error shape: `{"error": {"code", "message", "rincian"?}}`.
struct BadanKesalahanAPI: Content {
    struct Isi: Codable {
        let code: String
        let message: String
        let rincian: [Rincian]?
    }
    struct Rincian: Codable {
        let bidang: String
        let pesan: String
    }
    let error: Isi

    init(_ k: KesalahanTampil) {
        error = Isi(code: k.kode, message: k.pesan,
                    rincian: k.rincian.isEmpty ? nil : k.rincian.map { Rincian(bidang: $0.bidang, pesan: $0.pesan) })
    }
}
