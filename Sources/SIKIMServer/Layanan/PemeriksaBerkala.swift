import SIKIMData
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SIKIMCore
import SQLKit
import Vapor

/// The periodic check while serving: notices for passed SLA deadlines and for KIMs turning
/// inactive (each once), and the KIM activity status history.
struct PemeriksaBerkala {
    let db: any Database
    let jam: Jam
    let direktoriData: String
    /// Laporan read per part of the deadline check: each part's queries are short, so requests
    /// waiting for the database get it between parts even when a first check meets a backlog.
    var ukuranBagian = 1_000

    func jalankan() async throws {
        // The trend history first: it is cheap, and the chart should not wait for notices.
        try await aktivitas()
        try await tenggat()
    }

    /// Notices not sent before, with their markers; the marker's unique key keeps a second
    /// server process from sending the same notice.
    private func kirimSekali(_ daftar: [(kunci: String, kiriman: RepositoriNotifikasi.Kiriman)]) async throws {
        let terkirim = Set(try await daftar.map(\.kunci).perBagian(500) { try await PenandaModel.query(on: db).filter(\.$id ~~ $0).all(\.$id) })
        let baru = daftar.filter { !terkirim.contains($0.kunci) }
        guard !baru.isEmpty else { return }
        try await baru.map { PenandaModel(kunci: $0.kunci, waktu: jam.sekarang()) }.simpanBertahap(on: db)
        try await RepositoriNotifikasi(db: db, jam: jam).kirim(baru.map(\.kiriman))
    }

    /// Marker of the last deadline check's time, shared by every server process.
    static let kunciTenggat = "periksa:tenggat"
    /// A change committed just after a check may carry a time from before it.
    static let tumpangTindih: TimeInterval = 300

    /// Reads only the open laporan whose deadline can have passed since the last check, or that
    /// changed since then: reading them all each minute held SQLite for seconds at a million.
    func tenggat() async throws {
        let kalender = try await LayananLaporan(db: db, jam: jam, direktoriData: direktoriData).kalender()
        let sekarang = jam.sekarang()
        let terakhir = try await PenandaModel.find(Self.kunciTenggat, on: db)
        let sejak = terakhir.map { $0.waktu.addingTimeInterval(-Self.tumpangTindih) }
        let aktif = [StatusLaporan.masuk, .klarifikasi, .diteruskan, .ditindaklanjuti].map(\.rawValue)
        var setelah: UUID?
        repeat {
            // Superset in SQL, the exact rule in `AturanLaporan.tenggat` below; parts follow the id.
            let q = LaporanModel.query(on: db).filter(\.$status ~~ aktif).group(.or) { atau in
                func lewatSejak(_ kolom: FieldKey, _ tahap: TahapSLA) {
                    atau.group(.and) { q in
                        q.filter(kolom, .lessThan, kalender.mulaiBelumLewat(tahap.hariKerja, pada: sekarang))
                        if let sejak { q.filter(kolom, .greaterThanOrEqual, kalender.mulaiBelumLewat(tahap.hariKerja, pada: sejak)) }
                    }
                }
                lewatSejak("dibuat_pada", .verifikasi)
                lewatSejak("diteruskan_pada", .tanggapanOPD)
                lewatSejak("diteruskan_pada", .penyelesaian)
                if let sejak { atau.filter(\.$diubahPada >= sejak) }
            }
            if let setelah { q.filter(\.$id > setelah) }
            let daftar = try await BarisLaporan.semua(q.sort(\.$id).limit(ukuranBagian))
            setelah = daftar.last?.id
            try await kirimSekali(try await lewatTenggat(daftar, kalender: kalender, sekarang: sekarang))
        } while setelah != nil
        if let terakhir {
            terakhir.waktu = sekarang
            try await terakhir.update(on: db)
        } else {
            // Another process may have written it first; either time will do.
            try? await PenandaModel(kunci: Self.kunciTenggat, waktu: sekarang).create(on: db)
        }
    }

    /// The deadline notices due for these laporan.
    private func lewatTenggat(_ daftar: [BarisLaporan], kalender: KalenderKerja, sekarang: Date) async throws
        -> [(kunci: String, kiriman: RepositoriNotifikasi.Kiriman)] {
        guard !daftar.isEmpty else { return [] }
        let opd = Dictionary(grouping: try await LaporanOPDModel.query(on: db).filter(\.$laporan.$id ~~ daftar.compactMap(\.id)).all(),
                             by: { $0.$laporan.id })
        return daftar.compactMap { m in
            let tujuan = opd[m.id!] ?? []
            let ditanggapi = !tujuan.isEmpty && tujuan.allSatisfy { $0.ditanggapiPada != nil }
            guard let (tahap, batas) = AturanLaporan.tenggat(status: m.statusLaporan, masuk: m.dibuatPada, diteruskan: m.diteruskanPada,
                                                             ditanggapi: ditanggapi, kalender: kalender), sekarang > batas else { return nil }
            return ("sla:\(m.id!):\(tahap.rawValue)",
                    .init(pemberitahuan: .tenggatLewat(nomor: m.nomor, tahap: tahap, opd: tujuan.map(\.kodeOPD)), tautan: "/laporan/\(m.id!)"))
        }
    }

    func aktivitas() async throws {
        let kim = try await LayananAktivitas(db: db, jam: jam, direktoriData: direktoriData).keadaan(dalam: nil)
        // Each KIM's latest recorded status, not the whole history.
        var terakhir: [UUID: String] = [:]
        for r in try await (db as! any SQLDatabase).raw("""
            SELECT r.kim_id, r.status FROM kim_aktivitas_riwayat r
            JOIN (SELECT kim_id, MAX(tanggal) AS t FROM kim_aktivitas_riwayat GROUP BY kim_id) m ON r.kim_id = m.kim_id AND r.tanggal = m.t
            """).all() {
            terakhir[try r.decode(column: "kim_id", as: UUID.self)] = try r.decode(column: "status", as: String.self)
        }
        let hariIni = Tanggal(jam.sekarang()).iso
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
        try await riwayat.simpanBertahap(on: db)
        // Names only for the few that turned inactive today.
        let nama = try await tidakAktif.perBagian { try await KimModel.query(on: db).filter(\.$id ~~ $0).all() }
        try await kirimSekali(nama.map { m in
            ("aktivitas:\(m.id!):\(hariIni)", .init(pemberitahuan: .kimTidakAktif(nama: m.nama, wilayah: m.wilayah), tautan: "/kim/\(m.id!)"))
        })
    }

    /// Deadlines every minute while the server serves; the activity history every tenth
    /// minute, from the first: its statuses are per day, and over a nation of KIMs one pass
    /// costs seconds of CPU.
    static func mulai(_ app: Application) {
        let loop = app.eventLoopGroup.next()
        let putaran = NIOLockedValueBox(0)
        app.berjalan.ulangi(loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(5), delay: .seconds(60)) { _ in
            let ke = putaran.withLockedValue { n in defer { n += 1 }; return n }
            return loop.makeFutureWithTask {
                try? await app.berjalan.jalankan {
                    let p = PemeriksaBerkala(db: app.dbHitung, jam: app.jam, direktoriData: app.sikim.direktoriData)
                    do { try await app.hitungBerat { try await ke % 10 == 0 ? p.jalankan() : p.tenggat() } }
                    catch { app.logger.report(error: error) }
                }
            }
        })
    }
}
