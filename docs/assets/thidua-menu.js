// The phone menu: the header's button opens and closes the section list (a disclosure). Closed, the
// list is display:none (thidua.css), so its links are out of the tab order. Escape closes it.
const button = document.querySelector(".td-menu-button");
const menu = button && document.getElementById(button.getAttribute("aria-controls"));
if (button && menu) {
  const set = (open) => {
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("td-sections--open", open);
  };
  button.addEventListener("click", () => set(button.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") { set(false); button.focus(); }
  });
}
