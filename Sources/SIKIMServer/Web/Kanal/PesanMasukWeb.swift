import SIKIMCore
import SIKIMData
import Vapor

/// The verifikator's triage inbox (issue 21): citizens' WhatsApp and SMS messages, each turned
/// into a laporan (which then passes the verification gate like any other) or set aside with a
/// reason the sender is told. Diskominfosatik staff only: the page shows phone numbers.
struct PesanMasukWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("pesan-masuk", use: daftar)
        routes.get("pesan-masuk", ":pesan", use: detail)
        routes.get("pesan-masuk", ":pesan", "foto", use: foto)
        routes.post("pesan-masuk", ":pesan", "laporan", use: jadikanLaporan)
        routes.post("pesan-masuk", ":pesan", "abaikan", use: abaikan)
    }

    struct Baris: Encodable {
        let id: String
        let kanal: String
        let nomor: String
        let waktu: String
        let ringkas: String
        let foto: Bool
        let lokasi: Bool
    }

    struct Konteks: Encodable {
        let tata: Tata
        let daftar: [Baris]
        let aktif: Bool
        let jumlah: Int
        let lanjut: String?
    }

    static func baris(_ m: PesanKanalModel) -> Baris {
        let teks = m.teks.isEmpty ? (m.jenis == "foto" ? "(foto)" : m.jenis == "lokasi" ? "(lokasi)" : "") : m.teks
        return Baris(id: m.id!.uuidString, kanal: JenisKanal(rawValue: m.kanal)?.label ?? m.kanal, nomor: NomorTelepon.tampil(m.pengirim),
                     waktu: TanggalIndonesia.denganJam(m.diterimaPada), ringkas: String(teks.prefix(160)), foto: m.berkas != nil, lokasi: m.lat != nil)
    }

    @Sendable func daftar(req: Request) async throws -> Response {
        try req.wajib(.olahPesanKanal)
        let layanan = LayananKanal(l: req.lingkungan, batas: req.application.batasDesa)
        let sebelum = (try? req.kueri)?["sebelum"].flatMap { KanalLaporan.waktu($0) }
        let ukuran = 50
        let isi = try await layanan.daftar(.triase, oleh: req.aktor, batas: ukuran + 1, sebelum: sebelum)
        let lanjut = isi.count > ukuran ? isi[ukuran - 1].diterimaPada : nil
        return try await req.halaman("pesan-masuk", Konteks(
            tata: req.tata("Pesan masuk"), daftar: isi.prefix(ukuran).map(Self.baris),
            aktif: req.application.sikim.kanal.adaYangAktif,
            jumlah: try await RepositoriKanal(db: req.db).jumlah(status: .triase),
            lanjut: lanjut.map { TanggalIndonesia.iso8601($0) }))
    }

    struct KonteksDetail: Encodable {
        let tata: Tata
        let csrf: String
        let pesan: Baris
        let teks: String
        let koordinat: String?
        let versi: Int
        let kategori: [Pilihan]
        let kodeKategori: String
        let pertanyaan: [LaporanWeb.BidangPertanyaan]
        let pilihanDesa: [Pilihan]
        let pilihanKerahasiaan: [Pilihan]
        let pilihanAlasan: [Pilihan]
        let isian: IsianLaporan
        let kesalahan: GalatIsian
        let peringatan: String?
    }

    /// The message, with the laporan form filled from it and the dismissal form.
    func renderDetail(_ req: Request, isian masuk: IsianLaporan? = nil, kesalahan: GalatIsian = [:], status: HTTPStatus = .ok) async throws -> Response {
        let l = req.lingkungan
        let m = try await LayananKanal(l: l, batas: req.application.batasDesa).pesanTriase(req.parameters.get("pesan", as: UUID.self), oleh: req.aktor)
        let layanan = LayananLaporan(l: l)
        let semua = try await layanan.kategoriAktif()
        var isian = masuk ?? IsianLaporan()
        if masuk == nil {
            isian.kategori = (try? req.kueri)?["kategori"]
            isian.isi = m.teks
            isian.judul = Percakapan.Draf(isi: m.teks).judul
            (isian.lat, isian.lon) = (m.lat.map { String($0) }, m.lon.map { String($0) })
            isian.kodeWilayah = m.lat.flatMap { lat in m.lon.flatMap { req.application.batasDesa.desaDi(lat: lat, lon: $0) } }
        }
        let k = semua.first { $0.id == isian.kategori } ?? semua.first
        let desa = try await LayananWilayah(l: l).desaDenganKecamatan()
        return try await req.halaman("pesan-masuk-detail", KonteksDetail(
            tata: req.tata("Pesan masuk"), csrf: req.tokenCSRF, pesan: Self.baris(m), teks: m.teks,
            koordinat: zip2(m.lat, m.lon).map { "\($0), \($1)" }, versi: m.versi,
            kategori: semua.map { Pilihan(nilai: $0.id!, label: $0.nama) }, kodeKategori: k?.id ?? "",
            pertanyaan: LaporanWeb.bidangPertanyaan(k, jawaban: isian.jawaban ?? [:], kesalahan: kesalahan),
            pilihanDesa: desa.map { Pilihan(nilai: $0.0.kode.nilai, label: "\($0.0.nama), Kec. \($0.kecamatan)") },
            pilihanKerahasiaan: Kerahasiaan.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanAlasan: AlasanAbaikanPesan.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            isian: isian, kesalahan: kesalahan,
            peringatan: JenisKanal(rawValue: m.kanal)?.kanalLaporan.peringatan), status: status)
    }

    @Sendable func detail(req: Request) async throws -> Response { try await renderDetail(req) }

    @Sendable func foto(req: Request) async throws -> Response {
        let layanan = LayananKanal(l: req.lingkungan, batas: req.application.batasDesa)
        let m = try await layanan.pesan(req.parameters.get("pesan", as: UUID.self), oleh: req.aktor)
        guard let b = m.berkas else { throw TidakDitemukan("Foto") }
        let res = try await req.fileio.asyncStreamFile(at: layanan.penyimpan.jalur(b), mediaType: HTTPMediaType.fileExtension(m.tipeMime == "image/png" ? "png" : "jpg"))
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }

    @Sendable func jadikanLaporan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let isian = try await req.isianLaporanFormulir()
        let versi = try? req.content.get(Int.self, at: "versi")
        do {
            let m = try await LayananKanal(l: req.lingkungan, batas: req.application.batasDesa)
                .jadikanLaporan(req.parameters.get("pesan", as: UUID.self), isian, versi: versi, oleh: p.pelaku)
            return req.alihkan("/laporan/\(m.id!)", kilat: "Pesan dicatat sebagai laporan \(m.nomor). Pengirim diberi tahu nomornya.")
        } catch let e as KesalahanIsian {
            return try await renderDetail(req, isian: isian, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }

    @Sendable func abaikan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let alasan = try? req.content.get(String.self, at: "alasan")
        let versi = try? req.content.get(Int.self, at: "versi")
        do {
            try await LayananKanal(l: req.lingkungan, batas: req.application.batasDesa)
                .abaikan(req.parameters.get("pesan", as: UUID.self), alasan: alasan, versi: versi, oleh: p.aktor)
        } catch let e as KesalahanIsian {
            return try await renderDetail(req, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
        return req.alihkan("/pesan-masuk", kilat: "Pesan diabaikan; pengirim diberi tahu alasannya.")
    }
}
