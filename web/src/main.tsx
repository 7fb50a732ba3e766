import { render } from 'preact';
import './styles.css';
import { App } from './App';
import { reportHeightWhenFramed } from './lib/embed';

const root = document.getElementById('app')!;
render(<App />, root);
reportHeightWhenFramed(root);
