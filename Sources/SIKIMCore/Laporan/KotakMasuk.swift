/// The laporan list as each role's inbox (issue 19): which tabs it has, which one opens first
/// (the one holding the role's work), and in which order a tab is read.
public enum KotakMasuk {
    public struct Tab: Equatable, Sendable {
        public let label: String
        /// The list's `status` parameter: a `StatusLaporan`, "menunggu_konfirmasi_kedua", or
        /// "semua".
        public let status: String
        /// A tab of work waiting for this role: its count is shown.
        public let tugas: Bool
    }

    public static let semua = "semua"

    public static func tab(untuk peran: Peran?) -> [Tab] {
        switch peran {
        case .admin?, .verifikator?:
            [.init(label: "Masuk", status: "masuk", tugas: true), .init(label: "Klarifikasi", status: "klarifikasi", tugas: true),
             .init(label: "Menunggu konfirmasi kedua", status: "menunggu_konfirmasi_kedua", tugas: true),
             .init(label: "Valid", status: "valid", tugas: true), .init(label: "Diteruskan", status: "diteruskan", tugas: false),
             .init(label: "Semua", status: semua, tugas: false)]
        case .opd?:
            [.init(label: "Menunggu Anda", status: "diteruskan", tugas: true),
             .init(label: "Ditindaklanjuti", status: "ditindaklanjuti", tugas: true),
             .init(label: "Selesai", status: "selesai", tugas: false), .init(label: "Semua", status: semua, tugas: false)]
        case .pengurusKim?:
            [.init(label: "Menunggu jawaban Anda", status: "klarifikasi", tugas: true), .init(label: "Semua", status: semua, tugas: false),
             .init(label: "Diteruskan", status: "diteruskan", tugas: false), .init(label: "Selesai", status: "selesai", tugas: false)]
        case .operatorKecamatan?, .operatorDesa?, nil:
            [.init(label: "Semua", status: semua, tugas: false), .init(label: "Diteruskan", status: "diteruskan", tugas: false),
             .init(label: "Ditindaklanjuti", status: "ditindaklanjuti", tugas: false), .init(label: "Selesai", status: "selesai", tugas: false)]
        }
    }

    /// The tab that opens when none is asked for: the first work tab that holds something
    /// (the office's "Masuk" even when empty), otherwise "Semua".
    public static func bawaan(untuk peran: Peran?, jumlah: [String: Int]) -> String {
        let t = tab(untuk: peran)
        if peran == .admin || peran == .verifikator { return "masuk" }
        return t.first { $0.tugas && (jumlah[$0.status] ?? 0) > 0 }?.status ?? semua
    }

    /// Work with a deadline is read oldest first, so the nearest deadline is on top; the rest
    /// newest first.
    public static func terlamaDulu(_ status: String) -> Bool {
        ["masuk", "klarifikasi", "menunggu_konfirmasi_kedua", "diteruskan", "ditindaklanjuti"].contains(status)
    }
}
