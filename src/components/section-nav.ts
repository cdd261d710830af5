// The sidebar (SectionNav.astro): open on wide screens, so that its links take focus. In the page's one script (Base.astro).
export {};

const wide = matchMedia('(min-width: 60rem)');
const sync = () => {
	for (const details of document.querySelectorAll<HTMLDetailsElement>('.sidebar details')) details.open = wide.matches;
};
sync();
wide.addEventListener('change', sync);
