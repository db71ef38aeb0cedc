/// Rules for the registry of OPD (perangkat daerah) that act on information.
public enum AturanOPD {
    public static func kode(_ masukan: String) throws(KesalahanIsian) -> String {
        let k = masukan.trimmingCharacters(in: .whitespaces).lowercased()
        let boleh = k.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
        guard (2...32).contains(k.count), boleh, k.first != "-" else {
            throw KesalahanIsian("kode", "Kode OPD harus 2–32 karakter: huruf kecil, angka atau tanda hubung.")
        }
        return k
    }

    public static func nama(_ masukan: String) throws(KesalahanIsian) -> String {
        let n = masukan.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...150).contains(n.count) else {
            throw KesalahanIsian("nama", "Nama OPD harus 2–150 karakter.")
        }
        guard !n.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw KesalahanIsian("nama", "Nama OPD berisi karakter yang tidak diizinkan.")
        }
        return n
    }

    /// The agencies seeded on first run; admin may rename or deactivate them later.
    public static let awal: [(kode: String, nama: String)] = [
        ("diskominfosatik", "Dinas Komunikasi, Informatika, Sandi dan Statistik (Diskominfosatik)"),
        ("dispar", "Dinas Pariwisata"),
        ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)"),
        ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)"),
        ("satpolpp", "Satuan Polisi Pamong Praja (Satpol PP)"),
        ("dlh", "Dinas Lingkungan Hidup"),
        ("dinkes", "Dinas Kesehatan"),
        ("dindik", "Dinas Pendidikan"),
        ("dinsos", "Dinas Sosial"),
        ("bpbd", "Badan Penanggulangan Bencana Daerah (BPBD)"),
        ("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa (DPMD)"),
    ]
}
