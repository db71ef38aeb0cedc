/// A photo sent small first and in full after (issue 20). On 2G (50 kbit/s up) a 1600 px photo
/// takes about a minute; a 640 px preview a few seconds. The app sends the laporan with the
/// preview, which carries the SHA-256 of the full photo as a promise, and the full photo
/// follows. The server takes the full photo only if it is the one promised when the laporan
/// was written, so no one can swap a photo after staff have read the laporan; the promise also
/// names which preview a full photo replaces, and the same photo sent again changes nothing.
public enum FotoMenyusul {
    /// The promises sent with a laporan's photos: `"<position>:<sha256>"`, position counted
    /// from 0 in the order the photos were sent. At most one per photo.
    public static func janji(_ nilai: [String], jumlahFoto: Int) throws(KesalahanIsian) -> [Int: String] {
        var hasil: [Int: String] = [:]
        for v in nilai {
            let bagian = v.split(separator: ":", maxSplits: 1).map(String.init)
            guard bagian.count == 2, let i = Int(bagian[0]), (0..<jumlahFoto).contains(i), hasil[i] == nil,
                  bagian[1].count == 64, bagian[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw KesalahanIsian("foto_menyusul", "Janji foto menyusul \"\(v.prefix(80))\" tidak sah: tulis posisi foto dan SHA-256-nya, mis. 0:<64 huruf heksadesimal>.")
            }
            hasil[i] = bagian[1]
        }
        return hasil
    }
}
