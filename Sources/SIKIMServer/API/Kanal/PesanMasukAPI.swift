import Foundation
import SIKIMCore
import SIKIMData
import Vapor

/// The triage inbox and the chat outbox over the API (issue 21): the same services as the
/// pages, for Diskominfosatik staff only.
struct PesanMasukAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("pesan-masuk", use: daftar)
        api.get("pesan-masuk", ":pesan", use: detail)
        api.post("pesan-masuk", ":pesan", "laporan", use: jadikanLaporan)
        api.post("pesan-masuk", ":pesan", "abaikan", use: abaikan)
        api.get("kanal", "kiriman", use: kiriman)
    }

    struct PesanDTO: Content {
        let id: UUID
        let kanal: String
        let nomorPengirim: String
        let jenis: String
        let teks: String
        let foto: String?
        let lat: Double?
        let lon: Double?
        let status: String
        let diterimaPada: Date
        let versi: Int

        init(_ m: PesanKanalModel) {
            (id, kanal, nomorPengirim, jenis, teks) = (m.id!, m.kanal, m.pengirim, m.jenis, m.teks)
            (foto, lat, lon, status, diterimaPada, versi) = (m.berkas.map { _ in "/pesan-masuk/\(m.id!)/foto" }, m.lat, m.lon, m.status, m.diterimaPada, m.versi)
        }
    }

    private func layanan(_ req: Request) -> LayananKanal { LayananKanal(l: req.lingkungan, batas: req.application.batasDesa) }

    /// Waiting messages, newest first; `cursor` is the time of the last one seen.
    @Sendable func daftar(req: Request) async throws -> Halaman<PesanDTO> {
        let k = try req.kueri
        let ukuran = min(max(Int(k["limit"] ?? "") ?? 50, 1), 200)
        let isi = try await layanan(req).daftar(.triase, oleh: req.aktor, batas: ukuran + 1, sebelum: k["cursor"].flatMap { KanalLaporan.waktu($0) })
        return Halaman(data: isi.prefix(ukuran).map(PesanDTO.init),
                       nextCursor: isi.count > ukuran ? TanggalIndonesia.iso8601(isi[ukuran - 1].diterimaPada) : nil)
    }

    @Sendable func detail(req: Request) async throws -> PesanDTO {
        PesanDTO(try await layanan(req).pesan(req.parameters.get("pesan", as: UUID.self), oleh: req.aktor))
    }

    struct Jadikan: Content {
        let laporan: IsianLaporan
        let versi: Int?
    }

    /// 201 with the new laporan's location; 409 when another verifikator took the message first.
    @Sendable func jadikanLaporan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let b = try req.content.decode(Jadikan.self)
        let m = try await layanan(req).jadikanLaporan(req.parameters.get("pesan", as: UUID.self), b.laporan, versi: b.versi, oleh: p.pelaku)
        let d = try await LayananLaporan(l: req.lingkungan).terlihat(m.id, untuk: p.aktor)
        let res = LaporanDTO(d).jawaban(.created, for: req)
        res.headers.replaceOrAdd(name: .location, value: "/api/v1/laporan/\(m.id!)")
        return res
    }

    struct Abaikan: Content {
        let alasan: String?
        let versi: Int?
    }

    @Sendable func abaikan(req: Request) async throws -> HTTPStatus {
        _ = try req.wajibMasuk()
        let b = try req.content.decode(Abaikan.self)
        try await layanan(req).abaikan(req.parameters.get("pesan", as: UUID.self), alasan: b.alasan, versi: b.versi, oleh: req.aktor!)
        return .noContent
    }

    struct KirimanDTO: Content {
        let id: UUID
        let kanal: String
        let penerima: String
        let isi: String
        let status: String
        let percobaan: Int
        let galat: String?
        let dibuatPada: Date
        let dikirimPada: Date?
    }

    /// The newest hundred outbound messages, or the failed ones (`?status=gagal`).
    @Sendable func kiriman(req: Request) async throws -> Halaman<KirimanDTO> {
        try req.wajib(.olahPesanKanal)
        let gagal = (try req.kueri)["status"] == "gagal"
        let isi = try await RepositoriKanal(db: req.db).kiriman(status: gagal ? [.gagal, .tidakPasti] : nil, batas: 100)
        return Halaman(data: isi.map { m in
            KirimanDTO(id: m.id!, kanal: m.kanal, penerima: m.penerima, isi: m.isi, status: m.status, percobaan: m.percobaan, galat: m.galat,
                       dibuatPada: m.dibuatPada, dikirimPada: m.dikirimPada)
        }, nextCursor: nil)
    }
}
