import SIKIMCore
import Vapor

/// Where a kept submission (`PenyelamatKiriman`) is taken up after signing in again: the real
/// form, filled, where one knows how to fill itself (`pemulih`); otherwise a page that shows
/// what was sent and sends it again as it was, with the files kept (`BerkasTertunda`).
struct LanjutkanWeb: RouteCollection {
    static let jalur = "/lanjutkan"
    static let pesan = "Isian Anda dipulihkan. Periksa, lalu kirim."

    /// Forms that re-render themselves from a submission, by the path they post to.
    static let pemulih: [String: @Sendable (Request, Request) async throws -> Response] = [
        "/laporan": LaporanWeb.formDipulihkan,
    ]

    func boot(routes: any RoutesBuilder) throws {
        routes.get("lanjutkan", use: lanjutkan)
    }

    struct Bidang: Encodable {
        let nama: String
        let nilai: String
        /// "kode_wilayah" reads as "Kode wilayah".
        let label: String

        init(nama: String, nilai: String) {
            let t = nama.replacingOccurrences(of: "[]", with: "").replacingOccurrences(of: "_", with: " ")
            (self.nama, self.nilai, label) = (nama, nilai, t.prefix(1).uppercased() + t.dropFirst())
        }
    }

    struct Konteks: Encodable {
        let tata: Tata
        let csrf: String
        let jalur: String
        let bidang: [Bidang]
        let tertunda: String?
        let terlampir: [String]
    }

    @Sendable func lanjutkan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let simpanan = KirimanTersimpan(req)
        let kunci = req.session.data[KunciSesi.kiriman]
        req.session.data[KunciSesi.kiriman] = nil
        guard let isi = simpanan.ambil(kunci, untuk: try p.model.requireID()) else { return req.redirect(to: "/") }
        // Used once: from here the page shown holds the submission.
        defer { simpanan.hapus(kunci) }
        var kepala = HTTPHeaders()
        kepala.replaceOrAdd(name: .contentType, value: isi.jenisIsi)
        let kiriman = Request(application: req.application, method: .POST, url: URI(path: isi.jalur), headers: kepala,
                              collectedBody: ByteBuffer(bytes: isi.badan), remoteAddress: req.remoteAddress, logger: req.logger,
                              on: req.eventLoop)
        req.kilat(Self.pesan)
        if let pulih = Self.pemulih[isi.jalur] { return try await pulih(req, kiriman) }
        let semua = try kiriman.content.decode(IsianBebas.self)
        let tertunda = try BerkasTertunda(req).simpan(semua.berkas, kunci: nil)
        return try await req.halaman("lanjutkan", Konteks(
            tata: req.tata("Lanjutkan kiriman"), csrf: req.tokenCSRF, jalur: isi.jalur,
            bidang: semua.bidang.filter { !["_csrf", "tertunda", "buang_tertunda"].contains($0.nama) },
            tertunda: tertunda, terlampir: semua.berkas.map(\.nama)))
    }
}

/// Every field of a form whose fields are not known in advance: text (lists flattened as
/// `nama[]`) and files.
struct IsianBebas: Decodable {
    var bidang: [LanjutkanWeb.Bidang] = []
    var berkas: [FotoMasuk] = []

    private struct Kunci: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Kunci.self)
        for k in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            // A file part decodes as text too, so files are tried first.
            if let f = try? c.decode(File.self, forKey: k) {
                if f.data.readableBytes > 0 { berkas.append(FotoMasuk(f)) }
            } else if let fs = try? c.decode([File].self, forKey: k) {
                berkas += fs.filter { $0.data.readableBytes > 0 }.map(FotoMasuk.init)
            } else if let s = try? c.decode(String.self, forKey: k) {
                bidang.append(.init(nama: k.stringValue, nilai: s))
            } else if let daftar = try? c.decode([String].self, forKey: k) {
                bidang += daftar.map { .init(nama: k.stringValue + "[]", nilai: $0) }
            }
        }
    }
}
