import Foundation
import SIKIMCore
import SIKIMData

/// What a signed-in person must do now, by role (issue 19, "Tugas Anda"): the few counts that
/// lead to their work. Values only; the page turns them into cards and links.
enum TugasBeranda: Sendable {
    /// Admin and verifikator: the verification inbox.
    case petugas(masuk: Int, konfirmasiKedua: Int, terlambat: Int)
    /// Operators of a kecamatan or desa: KIMs waiting for their legalisation, and legalised
    /// KIMs gone quiet.
    case wilayah(menantiPengesahan: Int, tidakAktif: Int)
    /// An agency: what was forwarded to it and awaits it, and what is past its deadline.
    case opd(diteruskan: Int, terlambat: Int)
    /// A KIM's board member: its KIM and activity, the materi still to spread, and its
    /// laporan waiting for an answer.
    case pengurus(kim: KimModel, aktivitas: LayananAktivitas.Keadaan?, ambang: AmbangAktivitas,
                  materi: [(judul: String, id: UUID, batas: Tanggal)], klarifikasi: Int)
}

struct LayananBeranda {
    let l: Lingkungan

    func tugas(untuk aktor: Aktor) async throws -> TugasBeranda {
        let laporan = LayananLaporan(l: l)
        switch aktor.penugasan {
        case .admin, .verifikator:
            return .petugas(masuk: try await laporan.jumlah(.satu(.masuk), untuk: aktor),
                            konfirmasiKedua: try await laporan.jumlah(.menungguKonfirmasiKedua, untuk: aktor),
                            terlambat: try await laporan.jumlahTerlambat(untuk: aktor))
        case .operatorKecamatan(let area), .operatorDesa(let area):
            let kim = try await LayananKim(l: l).semua(SaringanKim(cakupan: Kebijakan.cakupanKim(aktor), tanpaDibubarkan: true))
            let sepi = try await LayananAktivitas(l: l).keadaan(dalam: area).filter { $0.keadaan.status == .tidakAktif }
            return .wilayah(menantiPengesahan: kim.filter { SiklusKim.menantiPengesahan($0.keadaan(pengurus: []), oleh: aktor) }.count,
                             tidakAktif: sepi.count)
        case .opd:
            return .opd(diteruskan: try await laporan.jumlah(.satu(.diteruskan), untuk: aktor),
                        terlambat: try await laporan.jumlahTerlambat(untuk: aktor))
        case .pengurusKim(let id, _):
            let kim = try await LayananKim(l: l).satu(id, untuk: aktor, boleh: { .lihatKim(wilayah: $0.wilayah, kim: $0.id) })
            let aktivitas = LayananAktivitas(l: l)
            let materi = try await RepositoriMateri(db: l.db).belumDisebarkan(kim: id).compactMap { m, _ in
                Tanggal(iso: m.batasWaktu).map { (judul: m.judul, id: m.id!, batas: $0) }
            }
            return .pengurus(kim: kim, aktivitas: try await aktivitas.keadaan([kim])[id], ambang: try await aktivitas.ambang(),
                             materi: materi, klarifikasi: try await laporan.jumlah(.satu(.klarifikasi), untuk: aktor))
        }
    }
}
