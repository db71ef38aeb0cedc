import Foundation
import SIKIMCore
import SIKIMData

/// The periodic check while serving: notices for passed SLA deadlines and for KIMs turning
/// inactive (each once), the KIM activity status history, and kept uploads left behind.
struct PemeriksaBerkala {
    let l: Lingkungan
    /// Laporan read per part of the deadline check: each part's queries are short, so requests
    /// waiting for the database get it between parts even when a first check meets a backlog.
    var ukuranBagian = 1_000

    private var notifikasi: RepositoriNotifikasi { RepositoriNotifikasi(db: l.db, jam: l.jam) }

    func jalankan() async throws {
        // The trend history first: it is cheap, and the chart should not wait for notices.
        try await aktivitas()
        try await tenggat()
        BerkasTertunda.bersihkan(direktoriData: l.konfigurasi.direktoriData, sekarang: l.sekarang)
    }

    /// Marker of the last deadline check's time, shared by every server process.
    static let kunciTenggat = "periksa:tenggat"
    /// A change committed just after a check may carry a time from before it.
    static let tumpangTindih: TimeInterval = 300

    /// Reads only the open laporan whose deadline can have passed since the last check, or that
    /// changed since then: reading them all each minute held SQLite for seconds at a million.
    func tenggat() async throws {
        let kalender = try await LayananPengaturan(l: l).kalender()
        let sekarang = l.sekarang
        let sejak = try await notifikasi.penanda(Self.kunciTenggat).map { $0.waktu.addingTimeInterval(-Self.tumpangTindih) }
        var setelah: UUID?
        repeat {
            let daftar = try await RepositoriLaporan(db: l.db).mungkinLewatTenggat(kalender: kalender, sekarang: sekarang, sejak: sejak,
                                                                                  setelah: setelah, batas: ukuranBagian)
            setelah = daftar.last?.id
            try await notifikasi.kirimSekali(lewatTenggat(daftar, kalender: kalender, sekarang: sekarang))
        } while setelah != nil
        try await notifikasi.tandai(Self.kunciTenggat, waktu: sekarang)
    }

    /// The deadline notices due for these laporan.
    private func lewatTenggat(_ daftar: [BarisLaporan], kalender: KalenderKerja, sekarang: Date) -> [(kunci: String, kiriman: RepositoriNotifikasi.Kiriman)] {
        daftar.compactMap { m in
            guard let (tahap, batas) = LayananLaporan.tenggat(m, opd: m.opd, kalender: kalender), sekarang > batas else { return nil }
            return ("sla:\(m.id!):\(tahap.rawValue)",
                    .init(pemberitahuan: .tenggatLewat(nomor: m.nomor, tahap: tahap, opd: m.opd.map(\.kode)), tautan: "/laporan/\(m.id!)"))
        }
    }

    /// Records each KIM whose activity status changed, and tells of those that turned inactive.
    func aktivitas() async throws {
        let kim = try await LayananAktivitas(l: l).keadaan(dalam: nil)
        let data = RepositoriAktivitas(db: l.db)
        let terakhir = try await data.statusTerakhir()
        let hariIni = l.hariIni.iso
        var riwayat: [RiwayatAktivitasModel] = []
        var tidakAktif: [UUID] = []
        for m in kim {
            let s = m.keadaan.status
            guard terakhir[m.id] != s.rawValue else { continue }
            let r = RiwayatAktivitasModel()
            (r.$kim.id, r.tanggal, r.status) = (m.id, hariIni, s.rawValue)
            riwayat.append(r)
            if s == .tidakAktif { tidakAktif.append(m.id) }
        }
        try await data.simpan(riwayat: riwayat)
        // Names only for the few that turned inactive today.
        try await notifikasi.kirimSekali(try await RepositoriKim(db: l.db).daftar(tidakAktif).map { m in
            ("aktivitas:\(m.id!):\(hariIni)", .init(pemberitahuan: .kimTidakAktif(nama: m.nama, wilayah: m.wilayah), tautan: "/kim/\(m.id!)"))
        })
    }
}
