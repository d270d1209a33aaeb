/// Element names the HTML parser knows: the current HTML standard plus obsolete elements still
/// found on old pages.
///
/// Used by `:first-of-type` and friends when the compound has no type selector: "the first of its
/// type" needs the element's own name inside a predicate about its siblings, which XPath 1.0 cannot
/// express (no `current()`), so the emitter spells out one alternative per known name.
enum HTMLElementNames {
    static let all: [String] = [
        // Current HTML.
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
        "blockquote", "body", "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup",
        "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label",
        "legend", "li", "link", "main", "map", "mark", "menu", "meta", "meter", "nav", "noscript",
        "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q",
        "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small",
        "source", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul",
        "var", "video", "wbr",
        // Embedded vocabularies.
        "svg", "math",
        // Obsolete but common on old pages.
        "acronym", "applet", "basefont", "big", "blink", "center", "dir", "font", "frame", "frameset",
        "image", "isindex", "keygen", "listing", "marquee", "menuitem", "nobr", "noembed", "noframes",
        "plaintext", "rb", "rtc", "spacer", "strike", "tt", "xmp",
    ]
}
