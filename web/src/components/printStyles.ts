import { makeStyles } from '@fluentui/react-components';

/** A page meant for paper (or a PDF): black on white, without what only works on screen. */
export const usePrintStyles = makeStyles({
  page: {
    '@media print': {
      color: 'black',
      backgroundColor: 'white',
      '& *': { color: 'black !important', backgroundColor: 'transparent !important' },
      '& a': { textDecorationLine: 'none' },
    },
  },
  screenOnly: { '@media print': { display: 'none !important' } },
});
