import FluentKit
import FluentSQL
import Foundation
import SIKIMCore
import SQLKit

/// The chat channels' rows (issue 21): messages in, conversations, the outbox, numbers tied to
/// accounts. Every change of state is conditional on the version it was decided from.
package struct RepositoriKanal {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    private var sql: any SQLDatabase { db as! any SQLDatabase }

    // MARK: Messages in

    /// Stores a message as it came, or finds the one already stored with its gateway id.
    package func simpan(_ m: PesanKanalModel) async throws -> (PesanKanalModel, baru: Bool) {
        do {
            try await m.create(on: db)
            return (m, true)
        } catch where (error as? any DatabaseError)?.isConstraintFailure == true {
            guard let ada = try await pesan(kanal: m.kanal, idLuar: m.idLuar) else { throw error }
            return (ada, false)
        }
    }

    package func pesan(kanal: String, idLuar: String) async throws -> PesanKanalModel? {
        try await PesanKanalModel.query(on: db).filter(\.$kanal == kanal).filter(\.$idLuar == idLuar).first()
    }

    package func pesan(_ id: UUID) async throws -> PesanKanalModel? { try await PesanKanalModel.find(id, on: db) }

    /// A sender's photo message by the gateway's media id (a conversation keeps those ids).
    package func foto(media: [String], pengirim: String) async throws -> [PesanKanalModel] {
        guard !media.isEmpty else { return [] }
        return try await PesanKanalModel.query(on: db).filter(\.$pengirim == pengirim).filter(\.$media ~~ media).all()
    }

    /// Messages stored but not acted on for `umur` seconds: a crash came between.
    package func belumDiproses(sebelum: Date, batas: Int = 50) async throws -> [PesanKanalModel] {
        try await PesanKanalModel.query(on: db).filter(\.$status == StatusPesanKanal.diterima.rawValue)
            .filter(\.$diterimaPada <= sebelum).sort(\.$diterimaPada).limit(batas).all()
    }

    /// A page of the triage inbox (or of one other state), newest first.
    package func daftar(status: StatusPesanKanal, batas: Int, setelah: Date? = nil) async throws -> [PesanKanalModel] {
        var q = PesanKanalModel.query(on: db).filter(\.$status == status.rawValue)
        if let setelah { q = q.filter(\.$diterimaPada < setelah) }
        return try await q.sort(\.$diterimaPada, .descending).limit(batas).all()
    }

    package func jumlah(status: StatusPesanKanal) async throws -> Int {
        try await PesanKanalModel.query(on: db).filter(\.$status == status.rawValue).count()
    }

    // MARK: Conversations

    /// Someone's conversation; made when they first write.
    package func percakapan(_ alamat: AlamatKanal, pesanPada: Date) async throws -> PercakapanKanalModel {
        if let ada = try await PercakapanKanalModel.query(on: db).filter(\.$alamat == alamat.teks).first() { return ada }
        try await sql.insert(into: PercakapanKanalModel.schema)
            .columns("id", "alamat", "keadaan", "pesan_terakhir", "versi")
            .values(SQLBind(UUID()), SQLBind(alamat.teks), SQLLiteral.null, SQLBind(pesanPada), SQLBind(0))
            .ignoringConflicts(with: "alamat").run()
        guard let m = try await PercakapanKanalModel.query(on: db).filter(\.$alamat == alamat.teks).first() else { throw DiubahBersamaan() }
        return m
    }

    /// When the person last wrote (WhatsApp's window), without making a conversation.
    package func pesanTerakhir(_ alamat: AlamatKanal) async throws -> Date? {
        try await PercakapanKanalModel.query(on: db).filter(\.$alamat == alamat.teks).first()?.pesanTerakhir
    }

    // MARK: The outbox

    /// Queues messages; one whose `kunci` is queued already is left as it is.
    package func antre(_ daftar: [KirimanKanalModel]) async throws {
        guard !daftar.isEmpty else { return }
        var q = sql.insert(into: KirimanKanalModel.schema)
            .columns("id", "kunci", "kanal", "penerima", "isi", "pilihan", "status", "percobaan", "berikutnya", "dibuat_pada", "versi")
        for k in daftar {
            q = q.values(SQLBind(k.id ?? UUID()), SQLBind(k.kunci), SQLBind(k.kanal), SQLBind(k.penerima), SQLBind(k.isi),
                         k.pilihan.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null, SQLBind(StatusKirimanKanal.menunggu.rawValue),
                         SQLBind(0), SQLBind(k.berikutnya), SQLBind(k.dibuatPada), SQLBind(0))
        }
        try await q.ignoringConflicts(with: "kunci").run()
    }

    /// Due messages in the order they were queued: the replies to one message by their number
    /// (`balas:<id>:<n>`), which a person reads in that order.
    package func jatuhTempo(_ sekarang: Date, batas: Int = 20) async throws -> [KirimanKanalModel] {
        try await KirimanKanalModel.query(on: db).filter(\.$status == StatusKirimanKanal.menunggu.rawValue)
            .filter(\.$berikutnya <= sekarang).sort(\.$berikutnya).sort(\.$dibuatPada).sort(\.$kunci).limit(batas).all()
    }

    /// When messages went to this recipient since `sejak`.
    package func terkirimKe(_ penerima: String, sejak: Date) async throws -> [Date] {
        try await KirimanKanalModel.query(on: db).filter(\.$penerima == penerima).filter(\.$dikirimPada >= sejak).all(\.$dikirimPada).compactMap { $0 }
    }

    /// How many messages a channel sent since `sejak`.
    package func jumlahTerkirim(kanal: String, sejak: Date) async throws -> Int {
        try await KirimanKanalModel.query(on: db).filter(\.$kanal == kanal).filter(\.$dikirimPada >= sejak).count()
    }

    /// Messages a sender took before `sebelum` and never finished: the process that took them
    /// stopped (a send gives up long before). They may or may not have gone.
    package func tandaiTidakPasti(diambilSebelum sebelum: Date) async throws {
        try await KirimanKanalModel.query(on: db).filter(\.$status == StatusKirimanKanal.mengirim.rawValue).filter(\.$berikutnya < sebelum)
            .set(\.$status, to: StatusKirimanKanal.tidakPasti.rawValue)
            .set(\.$galat, to: "Pengiriman terputus (server berhenti); belum pasti terkirim.").ubahSemua()
    }

    /// Uncertain messages of channels that report, taken before `sebelum`, with no report since:
    /// the gateway never took them, so they go again.
    package func kirimUlangTanpaKabar(kanal: [String], sebelum: Date, sekarang: Date) async throws {
        guard !kanal.isEmpty else { return }
        try await KirimanKanalModel.query(on: db).filter(\.$status == StatusKirimanKanal.tidakPasti.rawValue)
            .filter(\.$kanal ~~ kanal).filter(\.$berikutnya < sebelum)
            .set(\.$status, to: StatusKirimanKanal.menunggu.rawValue).set(\.$berikutnya, to: sekarang)
            .set(\.$galat, to: "Gerbang tidak pernah melaporkan pesan ini; dikirim lagi.").ubahSemua()
    }

    /// The newest of the outbox, those that failed first when asked.
    package func kiriman(status: [StatusKirimanKanal]?, batas: Int) async throws -> [KirimanKanalModel] {
        var q = KirimanKanalModel.query(on: db)
        if let status { q = q.filter(\.$status ~~ status.map(\.rawValue)) }
        return try await q.sort(\.$dibuatPada, .descending).limit(batas).all()
    }

    package func kiriman(_ id: UUID) async throws -> KirimanKanalModel? { try await KirimanKanalModel.find(id, on: db) }

    package func jumlahKiriman() async throws -> [String: Int] {
        var hasil: [String: Int] = [:]
        for s in StatusKirimanKanal.allCases {
            hasil[s.rawValue] = try await KirimanKanalModel.query(on: db).filter(\.$status == s.rawValue).count()
        }
        return hasil
    }

    // MARK: Numbers tied to accounts

    package func nomor(_ nomor: String) async throws -> NomorKanalModel? {
        try await NomorKanalModel.query(on: db).filter(\.$nomor == nomor).first()
    }

    package func nomor(pengguna: UUID) async throws -> [NomorKanalModel] {
        try await NomorKanalModel.query(on: db).filter(\.$penggunaID == pengguna).sort(\.$dibuatPada).all()
    }

    /// The confirmed numbers of these accounts.
    package func nomorTerkonfirmasi(pengguna: [UUID]) async throws -> [NomorKanalModel] {
        guard !pengguna.isEmpty else { return [] }
        return try await NomorKanalModel.query(on: db).filter(\.$penggunaID ~~ pengguna).filter(\.$dikonfirmasiPada != nil).all()
    }

    package func hapusNomor(_ id: UUID, pengguna: UUID) async throws -> Bool {
        guard let m = try await NomorKanalModel.find(id, on: db), m.penggunaID == pengguna else { return false }
        try await m.delete(on: db)
        return true
    }
}
