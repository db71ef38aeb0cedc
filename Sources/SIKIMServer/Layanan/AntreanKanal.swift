import FluentKit
import Foundation
import SIKIMCore
import SIKIMData

/// Queues chat messages (issue 21) in the transaction of what they tell: a laporan's step and its
/// reporter's update commit together or not at all. Each message's key names its cause, so a
/// cause retried queues it once. Nothing is queued for a channel that is off.
struct AntreanKanal {
    let l: Lingkungan

    /// A message to queue, or nil when its channel is off.
    func pesan(_ kunci: String, ke alamat: AlamatKanal, _ b: Percakapan.Balasan) -> KirimanKanalModel? {
        guard l.konfigurasi.kanal.aktif(alamat.kanal) else { return nil }
        let m = KirimanKanalModel()
        (m.id, m.kunci, m.kanal, m.penerima) = (UUID(), String(kunci.prefix(200)), alamat.kanal.rawValue, alamat.nomor)
        (m.isi, m.status, m.percobaan) = (b.teks, StatusKirimanKanal.menunggu.rawValue, 0)
        if !b.pilihan.isEmpty {
            m.pilihan = String(decoding: (try? JSONEncoder().encode(b.pilihan.map { [$0.id, $0.judul] })) ?? Data(), as: UTF8.self)
        }
        (m.berikutnya, m.dibuatPada, m.versi) = (l.sekarang, l.sekarang, 0)
        return m
    }

    /// The choices a queued message carries.
    static func pilihan(_ m: KirimanKanalModel) -> [Percakapan.Pilihan] {
        guard let json = m.pilihan, let d = try? JSONDecoder().decode([[String]].self, from: Data(json.utf8)) else { return [] }
        return d.compactMap { $0.count == 2 ? Percakapan.Pilihan($0[0], $0[1]) : nil }
    }

    /// What a laporan that came by chat tells its reporter there for these notices, to run in the
    /// action's transaction; nil when there is nothing to send.
    func kabarPelapor(_ m: LaporanModel, pesan: [Pemberitahuan], opd kodeOPD: [String], alasan: String?, hasil: String?,
                      catatan: String?) async throws -> (@Sendable (any Database) async throws -> Void)? {
        guard let teks = m.kanal.flatMap(KanalLaporan.init(rawValue:)), let nomor = m.nomorPengirim,
              let kanal = JenisKanal.allCases.first(where: { $0.kanalLaporan == teks }), let alamat = AlamatKanal(kanal: kanal, nomor: nomor) else {
            return nil
        }
        let nama = kodeOPD.isEmpty ? [:] : try await RepositoriOPD(db: l.db).nama()
        let (id, versi) = (try m.requireID(), m.versi + 1)
        let kiriman = pesan.compactMap { p in
            KabarKanal.untukPelapor(p, opd: kodeOPD.map { nama[$0] ?? $0 }, alasan: alasan, hasil: hasil, catatan: catatan)
                .flatMap { self.pesan("laporan:\(id):\(versi):\(p.jenis)", ke: alamat, Percakapan.Balasan($0)) }
        }
        guard !kiriman.isEmpty else { return nil }
        return { db in try await RepositoriKanal(db: db).antre(kiriman) }
    }

    /// A new materi to the confirmed numbers of its KIMs' accounts.
    func materiBaru(_ materi: MateriModel, kim: [UUID], db: any Database) async throws {
        guard l.konfigurasi.kanal.adaYangAktif, !kim.isEmpty else { return }
        let akun = try await kim.perBagian(500) { bagian in
            try await PenggunaModel.query(on: db).filter(\.$kimID ~~ bagian).filter(\.$aktif == true).all(\.$id)
        }.compactMap { $0 }
        let nomor = try await RepositoriKanal(db: db).nomorTerkonfirmasi(pengguna: akun)
        let tautan = l.konfigurasi.kanal.urlPublik + "/diseminasi/\(try materi.requireID())"
        let teks = KabarKanal.materiBaru(judul: materi.judul, tautan: tautan)
        let kiriman = nomor.compactMap { n in n.alamat.flatMap { pesan("materi:\(materi.id!):\($0.teks)", ke: $0, Percakapan.Balasan(teks)) } }
        try await RepositoriKanal(db: db).antre(kiriman)
    }
}
