import Foundation

/// Laporan figures for the kabupaten dashboard, computed from plain values.
public struct StatistikLaporan: Equatable, Sendable {
    /// One laporan with the moments that matter for its SLA stages.
    public struct Ringkas: Sendable {
        public let status: StatusLaporan
        public let kategori: String
        public let kecamatan: KodeWilayah
        public let masuk: Date
        /// First decision: valid or tidak valid.
        public let diputuskan: Date?
        public let diteruskan: Date?
        /// First response of an OPD (acknowledged or acted).
        public let ditanggapi: Date?
        public let selesai: Date?

        public init(status: StatusLaporan, kategori: String, kecamatan: KodeWilayah, masuk: Date, diputuskan: Date?,
                    diteruskan: Date?, ditanggapi: Date?, selesai: Date?) {
            (self.status, self.kategori, self.kecamatan, self.masuk) = (status, kategori, kecamatan, masuk)
            (self.diputuskan, self.diteruskan, self.ditanggapi, self.selesai) = (diputuskan, diteruskan, ditanggapi, selesai)
        }
    }

    /// An SLA stage's outcome: done on time, late (done late, or open past its deadline), or running.
    public struct Kepatuhan: Equatable, Sendable {
        public var tepat = 0
        public var terlambat = 0
        public var berjalan = 0
        public init(tepat: Int = 0, terlambat: Int = 0, berjalan: Int = 0) {
            (self.tepat, self.terlambat, self.berjalan) = (tepat, terlambat, berjalan)
        }

        /// Share on time among decided stages, in whole percent; nil when none is decided.
        public var persen: Int? { tepat + terlambat == 0 ? nil : tepat * 100 / (tepat + terlambat) }
    }

    public let jumlah: Int
    public let perStatus: [StatusLaporan: Int]
    public let perKategori: [String: Int]
    public let perKecamatan: [KodeWilayah: Int]
    public let sla: [TahapSLA: Kepatuhan]
    /// Median working days from masuk to the first decision.
    public let medianHariVerifikasi: Double?

    public static func hitung(_ laporan: [Ringkas], kalender: KalenderKerja, sekarang: Date) -> StatistikLaporan {
        var perStatus: [StatusLaporan: Int] = [:], perKategori: [String: Int] = [:], perKecamatan: [KodeWilayah: Int] = [:]
        var sla: [TahapSLA: Kepatuhan] = Dictionary(uniqueKeysWithValues: TahapSLA.allCases.map { ($0, Kepatuhan()) })
        var hariVerifikasi: [Int] = []
        func nilai(_ tahap: TahapSLA, mulai: Date?, selesai: Date?) {
            guard let mulai else { return }
            let tenggat = kalender.tenggat(tahap.hariKerja, sejak: mulai)
            if let selesai { if selesai <= tenggat { sla[tahap]!.tepat += 1 } else { sla[tahap]!.terlambat += 1 } }
            else if sekarang > tenggat { sla[tahap]!.terlambat += 1 }
            else { sla[tahap]!.berjalan += 1 }
        }
        for l in laporan {
            perStatus[l.status, default: 0] += 1
            perKategori[l.kategori, default: 0] += 1
            perKecamatan[l.kecamatan, default: 0] += 1
            // A laporan still open past masuk counts against verification only while undecided.
            let terbuka = l.status == .masuk || l.status == .klarifikasi
            nilai(.verifikasi, mulai: l.masuk, selesai: l.diputuskan ?? (terbuka ? nil : l.masuk))
            nilai(.tanggapanOPD, mulai: l.diteruskan, selesai: l.ditanggapi)
            nilai(.penyelesaian, mulai: l.diteruskan, selesai: l.selesai)
            if let d = l.diputuskan { hariVerifikasi.append(kalender.selisihHariKerja(dari: l.masuk, sampai: d)) }
        }
        return StatistikLaporan(jumlah: laporan.count, perStatus: perStatus, perKategori: perKategori, perKecamatan: perKecamatan,
                                sla: sla, medianHariVerifikasi: median(hariVerifikasi))
    }

    public static func median(_ x: [Int]) -> Double? {
        guard !x.isEmpty else { return nil }
        let s = x.sorted()
        return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
