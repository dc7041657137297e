import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "leaflet/dist/leaflet.css";
import "./i18n.ts";
import "./styles/base.css";
import "./styles/map.css";
import "./styles/wall.css";
import "./styles/unit.css";
import "./styles/console.css";
import { App } from "./App.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("no #root element");
// Each page gets its own look: the wall is dark, the others follow it.
document.body.dataset.page = window.location.pathname.split("/")[1] || "home";

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
