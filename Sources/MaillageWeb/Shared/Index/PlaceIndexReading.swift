import MaillageCore

/// Reads the current index of places and the territory it covers (communes, EPCI, QPV): what most pages show.
protocol PlaceIndexReading: Sendable {
    /// The whole index a request works on; read it once per request, a refresh may replace it in between.
    var current: PlaceIndex { get }
}
