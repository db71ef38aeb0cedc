/// Numbers as Indonesian readers write them: "29.141" (issue 19).
public enum Angka {
    /// Thousands grouped with a dot.
    public static func ribuan(_ n: Int) -> String {
        let digit = String(n.magnitude)
        var hasil = ""
        for (i, c) in digit.enumerated() {
            if i > 0, (digit.count - i) % 3 == 0 { hasil.append(".") }
            hasil.append(c)
        }
        return n < 0 ? "-" + hasil : hasil
    }
}
