// Registers <news-brief>, once: a second copy of the script (another URL, another version) leaves the first in place.
import { NewsBrief } from "./news-brief.js";

if (!customElements.get("news-brief")) customElements.define("news-brief", NewsBrief);
