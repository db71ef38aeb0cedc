/// Formation progress of the KIMs of an area: the figures of the formation dashboard,
/// computed from plain values so they can be checked against direct counts.
public struct RekapPembentukan: Equatable, Sendable {
    public struct KimRingkas: Sendable {
        public let wilayah: KodeWilayah
        public let status: StatusKim
        public init(wilayah: KodeWilayah, status: StatusKim) { self.wilayah = wilayah; self.status = status }
    }

    /// A lifecycle step on a day, from the transition log.
    public struct Peristiwa: Sendable {
        public let kim: String
        public let tanggal: Tanggal
        public let ke: StatusKim
        public init(kim: String, tanggal: Tanggal, ke: StatusKim) { self.kim = kim; self.tanggal = tanggal; self.ke = ke }
    }

    public struct BarisKecamatan: Equatable, Sendable {
        public let kode: KodeWilayah
        public let nama: String
        public let jumlahDesa: Int
        public let desaDibentuk: Int
        public let desaDisahkan: Int
        public var desaBelum: Int { jumlahDesa - desaDibentuk }
        /// The kecamatan-level KIM's status, if there is one.
        public let statusKimKecamatan: StatusKim?
        /// Share of desa with a formed KIM, 0…1.
        public var cakupan: Double { jumlahDesa == 0 ? 0 : Double(desaDibentuk) / Double(jumlahDesa) }
    }

    public struct Hari: Equatable, Sendable {
        public let tanggal: Tanggal
        public let dibentuk: Int
        public let disahkan: Int
        /// Running totals up to and including this day.
        public let totalDibentuk: Int
        public let totalDisahkan: Int
    }

    public let targetKecamatan: Int
    public let targetDesa: Int
    public let perStatus: [StatusKim: Int]
    public let kimKecamatanDibentuk: Int
    public let kimKecamatanDisahkan: Int
    public let kimDesaDibentuk: Int
    public let kimDesaDisahkan: Int
    public let perKecamatan: [BarisKecamatan]
    /// Desa without a formed KIM (`sudahDibentuk`): none, a draft, or a dissolved one; so
    /// `targetDesa − kimDesaDibentuk` of them.
    public let desaTanpaKim: [Wilayah]
    /// Of those, the desa whose KIM is still a draft: to be continued, not formed anew.
    public let desaDraf: Set<KodeWilayah>
    public let harian: [Hari]

    /// - Parameters:
    ///   - wilayah: the kecamatan and desa of the area (the targets: one KIM each).
    ///   - kim: every KIM of the area; dissolved ones count for nothing.
    ///   - peristiwa: lifecycle steps; a KIM counts as formed on the day it was first
    ///     submitted and as legalised on the day it first became active.
    public static func hitung(wilayah: [Wilayah], kim: [KimRingkas], peristiwa: [Peristiwa]) -> RekapPembentukan {
        let hidup = kim.filter { $0.status != .dibubarkan }
        var perWilayah: [KodeWilayah: StatusKim] = [:]
        for k in hidup { perWilayah[k.wilayah] = k.status }
        let kecamatan = wilayah.filter { $0.tingkat == .kecamatan }.sorted { $0.kode < $1.kode }
        let desa = wilayah.filter { $0.tingkat == .desa }
        let desaPerKec = Dictionary(grouping: desa, by: { $0.kode.induk! })

        var perStatus: [StatusKim: Int] = [:]
        for k in kim { perStatus[k.status, default: 0] += 1 }
        func jumlah(_ t: Tingkat, _ syarat: (StatusKim) -> Bool) -> Int {
            hidup.filter { $0.wilayah.tingkat == t && syarat($0.status) }.count
        }

        let baris = kecamatan.map { kec in
            let ds = desaPerKec[kec.kode] ?? []
            return BarisKecamatan(kode: kec.kode, nama: kec.nama, jumlahDesa: ds.count,
                                  desaDibentuk: ds.filter { perWilayah[$0.kode]?.sudahDibentuk == true }.count,
                                  desaDisahkan: ds.filter { perWilayah[$0.kode]?.sudahDisahkan == true }.count,
                                  statusKimKecamatan: perWilayah[kec.kode])
        }

        // First submission and first activation per KIM, then per day with running totals.
        var dibentukPada: [String: Tanggal] = [:], disahkanPada: [String: Tanggal] = [:]
        for p in peristiwa {
            if p.ke == .diajukan { dibentukPada[p.kim] = min(dibentukPada[p.kim] ?? p.tanggal, p.tanggal) }
            if p.ke == .aktif { disahkanPada[p.kim] = min(disahkanPada[p.kim] ?? p.tanggal, p.tanggal) }
        }
        var bentuk: [Tanggal: Int] = [:], sah: [Tanggal: Int] = [:]
        for t in dibentukPada.values { bentuk[t, default: 0] += 1 }
        for t in disahkanPada.values { sah[t, default: 0] += 1 }
        var totalB = 0, totalS = 0
        let harian = Set(bentuk.keys).union(sah.keys).sorted().map { t -> Hari in
            totalB += bentuk[t] ?? 0
            totalS += sah[t] ?? 0
            return Hari(tanggal: t, dibentuk: bentuk[t] ?? 0, disahkan: sah[t] ?? 0, totalDibentuk: totalB, totalDisahkan: totalS)
        }

        return RekapPembentukan(
            targetKecamatan: kecamatan.count, targetDesa: desa.count, perStatus: perStatus,
            kimKecamatanDibentuk: jumlah(.kecamatan) { $0.sudahDibentuk }, kimKecamatanDisahkan: jumlah(.kecamatan) { $0.sudahDisahkan },
            kimDesaDibentuk: jumlah(.desa) { $0.sudahDibentuk }, kimDesaDisahkan: jumlah(.desa) { $0.sudahDisahkan },
            perKecamatan: baris,
            desaTanpaKim: desa.filter { perWilayah[$0.kode]?.sudahDibentuk != true }.sorted { $0.kode < $1.kode },
            desaDraf: Set(desa.map(\.kode).filter { perWilayah[$0] == .draf }),
            harian: harian)
    }

    /// Coverage classes for the map legend: none, under a third, under two thirds, under all, all.
    public static func kelasCakupan(_ c: Double) -> Int {
        switch c {
        case ..<0.000_001: 0
        case ..<(1.0 / 3): 1
        case ..<(2.0 / 3): 2
        case ..<1: 3
        default: 4
        }
    }
}
