(function(){var d=document.documentElement;function s(){parent.postMessage({farol:"height",height:Math.ceil(d.getBoundingClientRect().height)},"*")}
addEventListener("load",s);if(window.ResizeObserver)new ResizeObserver(s).observe(d);else addEventListener("resize",s)})();
