import FluentKit
import FluentSQL
import Foundation
import SIKIMCore
import SQLKit

/// Which laporan a list holds: the viewer's scope (`CakupanLaporan`) and the filters chosen.
package struct SaringanLaporan: Sendable {
    package enum Status: Equatable, Sendable {
        case satu(StatusLaporan)
        /// Received and confirmed once: waiting for the second confirmation.
        case menungguKonfirmasiKedua
        /// Any of these (the overdue list: the stages with a deadline).
        case salahSatu([StatusLaporan])
    }

    package var cakupan: CakupanLaporan
    package var status: Status?
    package var kategori: String?
    package var wilayah: KodeWilayah?
    package var dari: Tanggal?
    package var sampai: Tanggal?
    /// Words looked for, literally, in the title, text and number.
    package var cari: String?

    package init(cakupan: CakupanLaporan) { self.cakupan = cakupan }

    package func terapkan(_ q: QueryBuilder<LaporanModel>) {
        switch cakupan {
        case .semua: break
        case .wilayah(let k): q.dalamArea(k, \LaporanModel.$kodeWilayah)
        case .kim(let id, let pelapor): q.group(.or) { $0.filter(\.$kimID == id).filter(\.$pelaporID == pelapor) }
        case .opd(let kode):
            q.join(LaporanOPDModel.self, on: \LaporanModel.$id == \LaporanOPDModel.$laporan.$id)
                .filter(LaporanOPDModel.self, \.$kodeOPD == kode)
        case .dipublikasikan: q.filter(\.$dipublikasikan == true)
        }
        switch status {
        case nil: break
        case .satu(let s): q.filter(\.$status == s.rawValue)
        case .menungguKonfirmasiKedua: q.filter(\.$status == StatusLaporan.masuk.rawValue).filter(\.$konfirmasiPertama != nil)
        case .salahSatu(let s): q.filter(\.$status ~~ s.map(\.rawValue))
        }
        if let kategori { q.filter(\.$kodeKategori == kategori) }
        if let wilayah { q.dalamArea(wilayah, \LaporanModel.$kodeWilayah) }
        if let dari { q.filter(\.$dibuatPada >= dari.awal) }
        if let sampai { q.filter(\.$dibuatPada < sampai.tambahHari(1).awal) }
        if let cari { q.filter(.sql(embed: Cari.memuat(cari, kolom: ["judul", "isi", "nomor"], tabel: LaporanModel.schema))) }
    }
}

/// Laporan, their forwards, photos, attachments and audit trail.
package struct RepositoriLaporan {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    // MARK: Reading

    /// Newest first (or oldest first), a page at a time (`urutKunci`), as rows with their OPD
    /// and photos.
    package func halaman(_ s: SaringanLaporan, _ p: Paginasi, terlamaDulu: Bool = false) async throws -> Potongan<BarisLaporan> {
        let q = LaporanModel.query(on: db)
        s.terapkan(q)
        return p.potong(try await BarisLaporan.semua(try q.urutKunci("dibuat_pada", turun: !terlamaDulu, p)), id: \.id)
    }

    /// How many laporan the filter holds.
    package func jumlah(_ s: SaringanLaporan) async throws -> Int {
        let q = LaporanModel.query(on: db)
        s.terapkan(q)
        return try await q.count()
    }

    /// Every laporan the filter holds, oldest first.
    package func semua(_ s: SaringanLaporan) async throws -> [BarisLaporan] {
        let q = LaporanModel.query(on: db)
        s.terapkan(q)
        return try await BarisLaporan.semua(q.sort(\.$dibuatPada))
    }

    /// One laporan as a row with its OPD and photos (one query).
    package func baris(_ id: UUID) async throws -> BarisLaporan? {
        try await BarisLaporan.semua(LaporanModel.query(on: db).filter(\.$id == id)).first
    }

    package func cari(_ id: UUID) async throws -> LaporanModel? { try await LaporanModel.find(id, on: db) }

    package func cari(nomor: String) async throws -> LaporanModel? {
        try await LaporanModel.query(on: db).filter(\.$nomor == nomor).first()
    }

    /// The laporan a reporter sent with an idempotency key.
    package func dengan(kunci: String, pelapor: UUID) async throws -> LaporanModel? {
        try await LaporanModel.query(on: db).filter(\.$pelaporID == pelapor).filter(\.$kunciIdempotensi == kunci).first()
    }

    package func opd(_ laporan: UUID) async throws -> [LaporanOPDModel] {
        try await LaporanOPDModel.query(on: db).filter(\.$laporan.$id == laporan).sort(\.$kodeOPD).all()
    }

    package func foto(_ id: UUID, laporan: UUID) async throws -> FotoLaporanModel? {
        try await FotoLaporanModel.query(on: db).filter(\.$id == id).filter(\.$laporan.$id == laporan).first()
    }

    /// The laporan's preview that waits for the photo with this SHA-256.
    package func fotoMenunggu(laporan: UUID, janji: String) async throws -> FotoLaporanModel? {
        try await FotoLaporanModel.query(on: db).filter(\.$laporan.$id == laporan).filter(\.$sha256Penuh == janji).first()
    }

    /// How many of the laporan's photos are previews still waiting for their full photo.
    package func jumlahFotoMenyusul(laporan: UUID) async throws -> Int {
        try await FotoLaporanModel.query(on: db).filter(\.$laporan.$id == laporan).filter(\.$sha256Penuh != nil).count()
    }

    package func adaFoto(laporan: UUID, sha256: String) async throws -> Bool {
        try await FotoLaporanModel.query(on: db).filter(\.$laporan.$id == laporan).filter(\.$sha256 == sha256).count() > 0
    }

    /// Puts a preview's full photo in its place, if the preview still waits for the photo with
    /// that promise; throws `DiubahBersamaan` otherwise (the same photo sent twice at once).
    package func gantiPratinjau(_ f: FotoLaporanModel, janji: String, berkas: String, tipeMime: String, ukuran: Int, sha256: String) async throws {
        let diubah = try await (db as! any SQLDatabase).update(FotoLaporanModel.schema)
            .set("berkas", to: berkas).set("tipe_mime", to: tipeMime).set("ukuran", to: ukuran).set("sha256", to: sha256).set("sha256_penuh", to: SQLLiteral.null)
            .where("id", .equal, try f.requireID()).where("sha256_penuh", .equal, janji)
            .returning("id").all()
        guard diubah.count == 1 else { throw DiubahBersamaan() }
    }

    package func lampiran(_ id: UUID, laporan: UUID) async throws -> LampiranLaporanModel? {
        try await LampiranLaporanModel.query(on: db).filter(\.$id == id).filter(\.$laporan.$id == laporan).first()
    }

    /// The audit trail in order, with each event's attachments.
    package func riwayat(_ laporan: UUID) async throws -> [(PeristiwaLaporanModel, [LampiranLaporanModel])] {
        let lampiran = Dictionary(grouping: try await LampiranLaporanModel.query(on: db).filter(\.$laporan.$id == laporan).all(),
                                  by: { $0.$peristiwa.id })
        return try await PeristiwaLaporanModel.query(on: db).filter(\.$laporan.$id == laporan).sort(\.$urutan).all()
            .map { ($0, lampiran[$0.id!] ?? []) }
    }

    /// The last event of a laporan's chain, which the next one follows.
    package func peristiwaTerakhir(_ laporan: UUID) async throws -> PeristiwaLaporanModel? {
        try await PeristiwaLaporanModel.query(on: db).filter(\.$laporan.$id == laporan).sort(\.$urutan, .descending).first()
    }

    /// Every laporan and every event, for checking the chains.
    package func semuaUntukAudit() async throws -> ([LaporanModel], [PeristiwaLaporanModel]) {
        (try await LaporanModel.query(on: db).all(), try await PeristiwaLaporanModel.query(on: db).sort(\.$urutan).all())
    }

    /// The open laporan whose deadline can have passed between `sejak` (the last check; nil for
    /// the first) and `sekarang`, or that changed since then: a superset, the exact rule is
    /// `AturanLaporan.tenggat`. A part of `batas` rows after the id `setelah`, by id.
    package func mungkinLewatTenggat(kalender: KalenderKerja, sekarang: Date, sejak: Date?, setelah: UUID?, batas: Int) async throws -> [BarisLaporan] {
        let aktif = AturanLaporan.statusBertenggat.map(\.rawValue)
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
        return try await BarisLaporan.semua(q.sort(\.$id).limit(batas))
    }

    // MARK: Writing (inside the caller's transaction)

    /// A new laporan with its photos.
    package func sisipkan(_ m: LaporanModel, foto: [FotoLaporanModel]) async throws {
        try await [m].sisipkan(on: db)
        for f in foto { try await f.create(on: db) }
    }

    package func sisipkan(_ e: PeristiwaLaporanModel, lampiran: [LampiranLaporanModel]) async throws {
        try await [e].sisipkan(on: db)
        for l in lampiran { try await l.create(on: db) }
    }

    package func teruskan(_ opd: [LaporanOPDModel]) async throws {
        for o in opd { try await o.create(on: db) }
    }

    /// Marks the forwards not yet answered as answered: one agency's, or (nil) all of them.
    package func tandaiDitanggapi(_ laporan: UUID, opd: String?, pada waktu: Date) async throws {
        let q = LaporanOPDModel.query(on: db).filter(\.$laporan.$id == laporan).filter(\.$ditanggapiPada == nil)
        if let opd { q.filter(\.$kodeOPD == opd) }
        try await q.set(\.$ditanggapiPada, to: waktu).ubahSemua()
    }
}
