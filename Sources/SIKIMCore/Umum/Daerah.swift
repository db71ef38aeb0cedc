/// The kabupaten or kota a deployment serves: the one place code and templates take its code,
/// name and office from (ARSITEKTUR, "Identitas daerah"). Kabupaten Serang by default.
public struct Daerah: Equatable, Sendable {
    public let kode: KodeWilayah
    /// "Kabupaten Serang".
    public let nama: String
    /// "Serang": how exports and short labels name it.
    public let namaPendek: String
    public let provinsi: String
    /// The office that runs SIKIM: "Diskominfosatik Kabupaten Serang".
    public let kantor: String
    /// Where a laporan's coordinates may lie: the region with a margin. A point far outside is
    /// a typing error.
    public let lintang: ClosedRange<Double>
    public let bujur: ClosedRange<Double>

    public init(kode: KodeWilayah, nama: String, namaPendek: String, provinsi: String, kantor: String,
                lintang: ClosedRange<Double>, bujur: ClosedRange<Double>) {
        (self.kode, self.nama, self.namaPendek, self.provinsi, self.kantor) = (kode, nama, namaPendek, provinsi, kantor)
        (self.lintang, self.bujur) = (lintang, bujur)
    }

    public static let serang = Daerah(kode: KodeWilayah("36.04")!, nama: "Kabupaten Serang", namaPendek: "Serang", provinsi: "Banten",
                                      kantor: "Diskominfosatik Kabupaten Serang", lintang: -6.6 ... -5.7, bujur: 105.7 ... 106.6)

    /// "−6,6…−5,7", as the coordinate message writes a range.
    static func rentang(_ r: ClosedRange<Double>) -> String {
        func angka(_ x: Double) -> String { (x < 0 ? "−" : "") + String(abs(x)).replacingOccurrences(of: ".", with: ",") }
        return "\(angka(r.lowerBound))…\(angka(r.upperBound))"
    }

    public var pesanKoordinat: String {
        "Koordinat harus berada di \(nama) (lintang \(Self.rentang(lintang)); bujur \(Self.rentang(bujur)))."
    }
}
