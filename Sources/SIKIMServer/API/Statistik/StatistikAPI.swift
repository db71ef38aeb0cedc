import SIKIMCore
import SIKIMData
import Vapor

/// `/api/v1/statistik`: the dashboard's figures as JSON, for an area (operators) and a period;
/// `/api/v1/statistik/pembentukan`: how far KIM formation has come.
struct StatistikAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "statistik", "pembentukan", use: pembentukan)
        routes.get("api", "v1", "statistik", use: statistik)
    }

    struct StatistikDTO: Content {
        struct Capaian: Content { let dibentuk: Int; let disahkan: Int; let target: Int }
        struct Kecamatan: Content {
            let kode: String, nama: String, jumlahDesa: Int, desaDibentuk: Int, desaDisahkan: Int, desaBelum: Int
            let statusKimKecamatan: String?
        }
        struct Hari: Content { let tanggal: String, dibentuk: Int, disahkan: Int, totalDibentuk: Int, totalDisahkan: Int }
        let kodeWilayah: String
        let kimKecamatan: Capaian
        let kimDesa: Capaian
        let perStatus: [String: Int]
        let perKecamatan: [Kecamatan]
        let desaTanpaKim: [String]
        let harian: [Hari]
    }

    @Sendable func pembentukan(req: Request) async throws -> StatistikDTO {
        try req.wajib(.lihatDasborPembentukan)
        let s = LayananStatistik(l: req.lingkungan, untuk: req.aktor)
        let r = try await req.application.hitungBerat { try await s.pembentukan() }
        return StatistikDTO(
            kodeWilayah: (s.area ?? req.lingkungan.konfigurasi.daerah.kode).nilai,
            kimKecamatan: .init(dibentuk: r.kimKecamatanDibentuk, disahkan: r.kimKecamatanDisahkan, target: r.targetKecamatan),
            kimDesa: .init(dibentuk: r.kimDesaDibentuk, disahkan: r.kimDesaDisahkan, target: r.targetDesa),
            perStatus: Dictionary(uniqueKeysWithValues: StatusKim.allCases.map { ($0.rawValue, r.perStatus[$0] ?? 0) }),
            perKecamatan: r.perKecamatan.map {
                .init(kode: $0.kode.nilai, nama: $0.nama, jumlahDesa: $0.jumlahDesa, desaDibentuk: $0.desaDibentuk,
                      desaDisahkan: $0.desaDisahkan, desaBelum: $0.desaBelum, statusKimKecamatan: $0.statusKimKecamatan?.rawValue)
            },
            desaTanpaKim: r.desaTanpaKim.map(\.kode.nilai),
            harian: r.harian.map { .init(tanggal: $0.tanggal.iso, dibentuk: $0.dibentuk, disahkan: $0.disahkan,
                                         totalDibentuk: $0.totalDibentuk, totalDisahkan: $0.totalDisahkan) })
    }

    struct StatistikDTO2: Content {
        struct Periode: Content { let dari: String; let sampai: String }
        struct Kim: Content { let targetKecamatan: Int; let targetDesa: Int; let dibentuk: Int; let disahkan: Int; let aktif: Int }
        struct SLA: Content { let tepat: Int; let terlambat: Int; let berjalan: Int; let persen: Int? }
        struct Laporan: Content {
            let jumlah: Int; let perStatus: [String: Int]; let perKategori: [String: Int]; let perKecamatan: [String: Int]
            let sla: [String: SLA]; let medianHariVerifikasi: Double?
        }
        struct Diseminasi: Content { let materi: Int; let sasaran: Int; let disebarkan: Int; let persen: Int; let jangkauan: Int }
        struct Teraktif: Content { let id: UUID; let nama: String; let jumlah: Int }
        let kodeWilayah: String
        let periode: Periode
        let kim: Kim
        let laporan: Laporan
        let diseminasi: Diseminasi
        let kimTeraktif: [Teraktif]
    }

    /// The kabupaten dashboard's figures as JSON, for an area (operators) and a period.
    @Sendable func statistik(req: Request) async throws -> StatistikDTO2 {
        try req.wajib(.lihatDasborPembentukan)
        let s = LayananStatistik(l: req.lingkungan, untuk: req.aktor)
        let p = try req.periode()
        return try await req.application.hitungBerat { try await Self.statistik(s, p) }
    }

    private static func statistik(_ s: LayananStatistik, _ p: Periode) async throws -> StatistikDTO2 {
        let r = try await s.pembentukan()
        let l = try await s.laporan(p)
        let d = try await s.diseminasi(p)
        let a = try await s.aktivitas()
        return StatistikDTO2(
            kodeWilayah: (s.area ?? s.l.konfigurasi.daerah.kode).nilai, periode: .init(dari: p.dari.iso, sampai: p.sampai.iso),
            kim: .init(targetKecamatan: r.targetKecamatan, targetDesa: r.targetDesa, dibentuk: r.kimDesaDibentuk + r.kimKecamatanDibentuk,
                       disahkan: r.kimDesaDisahkan + r.kimKecamatanDisahkan, aktif: a.aktif),
            laporan: .init(jumlah: l.jumlah, perStatus: Dictionary(uniqueKeysWithValues: StatusLaporan.allCases.map { ($0.rawValue, l.perStatus[$0] ?? 0) }),
                           perKategori: l.perKategori, perKecamatan: Dictionary(uniqueKeysWithValues: l.perKecamatan.map { ($0.key.nilai, $0.value) }),
                           sla: Dictionary(uniqueKeysWithValues: l.sla.map { ($0.key.rawValue, StatistikDTO2.SLA(tepat: $0.value.tepat, terlambat: $0.value.terlambat,
                                                                                                 berjalan: $0.value.berjalan, persen: $0.value.persen)) }),
                           medianHariVerifikasi: l.medianHariVerifikasi),
            diseminasi: .init(materi: d.materi, sasaran: d.cakupan.sasaran, disebarkan: d.cakupan.disebarkan, persen: d.cakupan.persen,
                              jangkauan: d.cakupan.jangkauan),
            kimTeraktif: try await s.teraktif(p).map { .init(id: $0.id, nama: $0.nama, jumlah: $0.jumlah) })
    }
}
