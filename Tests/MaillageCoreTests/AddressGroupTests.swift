import MaillageCore
import Testing

/// How the caps and throttles count a client: an IPv4 address alone, an IPv6 address by its /64.
@Suite("Address groups")
struct AddressGroupTests {
    @Test(arguments: [
        ("192.0.2.7", "192.0.2.7"),
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
        ("2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("2001:db8::", "2001:db8:0:0::/64"),
        ("::1", "0:0:0:0::/64"),
        ("fe80::1%eth0", "fe80:0:0:0::/64"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("::FFFF:192.0.2.7", "192.0.2.7"),
        ("::ffff:c000:207", "192.0.2.7"),
        ("::", "0:0:0:0::/64"),
        ("2001:DB8:1:2::A", "2001:db8:1:2::/64"),
        ("1.2.3.4::", "1.2.3.4::"),
        ("::ffff:1.2.3.4.5", "::ffff:1.2.3.4.5"),
        ("::ffff:+1.2.3.4", "::ffff:+1.2.3.4"),
        ("+1::", "+1::"),
        ("inconnue", "inconnue"),
        ("2001:db8::1::2", "2001:db8::1::2"),
        ("1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8:9")
    ])
    func anAddressIsCountedByItsGroup(address: String, group: String) {
        #expect(AddressGroup.of(address) == group)
    }

    @Test func twoHundredAddressesOfOneIPv6NetworkAreOneClientAndTwoNetworksAreTwo() {
        // Setup: a machine that owns a /64 and makes up a new address for each attempt
        let addresses = (0..<200).map { "2001:db8:aa:bb:\(String($0, radix: 16)):1:2:3" }
        // Act
        let groups = Set(addresses.map(AddressGroup.of))
        // Check
        #expect(groups == ["2001:db8:aa:bb::/64"])
        #expect(AddressGroup.of("2001:db8:aa:bc::1") != AddressGroup.of("2001:db8:aa:bb::1"))
    }
}
