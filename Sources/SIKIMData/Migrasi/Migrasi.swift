import FluentKit
import Foundation
import SQLKit
import SIKIMCore

/// Every migration, in order. Append only: a released migration is never edited.
package enum Migrasi {
    package static let semua: [any Migration] = [
        M001BuatWilayah(),
        M002BuatOPD(),
        M003IsiOPDAwal(),
        M004BuatPengguna(),
        M005BuatTokenAPI(),
        M006BuatPercobaanLogin(),
        M007BuatSesi(),
        M008BuatKim(),
        M009BuatPengurus(),
        M010BuatTransisiKim(),
        M011BuatDokumenKim(),
        M012PenggunaTerikatKim(),
        M013BuatKategori(),
        M014IsiKategoriAwal(),
        M015BuatHariLibur(),
        M016IsiHariLibur(),
        M017BuatLaporan(),
        M018BuatLampiranLaporan(),
        M019BuatKegiatan(),
        M020BuatDiseminasi(),
        M021BuatNotifikasi(),
        M022BuatWebhook(),
        M023BuatPemeriksaBerkala(),
        M024BuatBerkasMateri(),
        M025BuatPenomoranLaporan(),
        M026IndeksDaftarLaporan(),
        M027IndeksAktivitasKim(),
        M028IndeksDaftarKim(),
        M029IndeksStatistikLaporan(),
        M030HapusIndeksBerlebih(),
        M031IndeksPengguna(),
        M032IndeksLaporanPublik(),
        M033VersiPerubahan(),
        M034UrutanTransisiKim(),
        M035AkunKimDibubarkan(),
        M036TokenKedaluwarsa(),
        M037KanalLaporan(),
        M038KunciKegiatanDanPenyebaran(),
        M039BuatKanal(),
        M040FotoMenyusul(),
        M041PerangkatToken(),
    ]
}

